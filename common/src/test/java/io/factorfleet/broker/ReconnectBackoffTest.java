package io.factorfleet.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {
  private static ReconnectBackoff seeded(long seed) {
    return new ReconnectBackoff(ReconnectBackoff.INITIAL, ReconnectBackoff.CAP, new Random(seed));
  }

  @Test
  void shouldDoubleTheCeilingFromHalfASecondUpToThirtySeconds() {
    ReconnectBackoff backoff = seeded(1);
    assertThat(IntStream.rangeClosed(0, 8).mapToObj(backoff::ceiling).map(Duration::toMillis))
        .containsExactly(500L, 1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 30_000L, 30_000L, 30_000L);
  }

  @Test
  void shouldWaitBetweenHalfTheCeilingAndTheCeiling() {
    ReconnectBackoff backoff = seeded(42);
    for (int attempt = 0; attempt < 12; attempt++) {
      long ceiling = backoff.ceiling(attempt).toMillis();
      for (int draw = 0; draw < 200; draw++) {
        assertThat(backoff.delay(attempt).toMillis()).isBetween(ceiling / 2, ceiling);
      }
    }
  }

  @Test
  void shouldGrowFromOneAttemptToTheNextUntilTheCap() {
    ReconnectBackoff backoff = seeded(7);
    // each draw is at least half its ceiling, which is at least the whole previous ceiling
    for (int attempt = 1; attempt <= 6; attempt++) {
      assertThat(backoff.delay(attempt)).isGreaterThanOrEqualTo(backoff.ceiling(attempt - 1));
    }
  }

  @Test
  void shouldSpreadClientsThatLostTheBrokerAtTheSameMoment() {
    Set<Long> firstWaits = new HashSet<>();
    for (long client = 0; client < 50; client++) {
      firstWaits.add(seeded(client).delay(5).toMillis());
    }
    // 50 clients at a ceiling of 16 s: a few may draw the same millisecond, not most of them
    assertThat(firstWaits).hasSizeGreaterThan(40);
    assertThat(
            firstWaits.stream().mapToLong(Long::longValue).max().orElseThrow()
                - firstWaits.stream().mapToLong(Long::longValue).min().orElseThrow())
        .isGreaterThan(4_000);
  }

  @Test
  void shouldDrawTheSameWaitsFromTheSameSeed() {
    ReconnectBackoff a = seeded(99);
    ReconnectBackoff b = seeded(99);
    for (int attempt = 0; attempt < 10; attempt++) {
      assertThat(a.delay(attempt)).isEqualTo(b.delay(attempt));
    }
  }

  @Test
  void shouldStayAtTheCapForAnyNumberOfAttempts() {
    ReconnectBackoff backoff = seeded(3);
    assertThat(backoff.ceiling(Integer.MAX_VALUE)).isEqualTo(ReconnectBackoff.CAP);
    assertThat(backoff.getDelay(1_000_000)).isBetween(15_000L, 30_000L);
  }

  @Test
  void shouldRefuseAnInitialWaitBelowOneMillisecondOrACapBelowIt() {
    assertThatThrownBy(
            () -> new ReconnectBackoff(Duration.ZERO, Duration.ofSeconds(1), new Random()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("initial backoff must be at least 1 ms");
    assertThatThrownBy(
            () -> new ReconnectBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1), new Random()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("backoff cap must be at least the initial PT2S");
    assertThatThrownBy(() -> seeded(1).delay(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("attempt must not be negative");
  }
}
