package io.factorfleet.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class BatchSizerTest {
  @Test
  void shouldWaitForTimingsAfterTheProbesAndGoOnWhenTheyCome() throws Exception {
    BatchSizer sizer = BatchSizer.adaptive();
    for (int i = 0; i < BatchSizer.PROBES; i++) {
      assertThat(sizer.next()).isEqualTo(BatchSizer.FIRST_SIZE);
    }
    CompletableFuture<Integer> afterProbes = nextAsync(sizer);

    sizer.observe(16, 16 * 1_000L);

    assertThat(afterProbes.get(10, TimeUnit.SECONDS)).isEqualTo(64);
  }

  @Test
  void shouldHandOutAtMostTheProbesBetweenTwoTimingsWhileTheSizeStillGrows() throws Exception {
    BatchSizer sizer = BatchSizer.adaptive();
    sizer.observe(16, 16 * 1_000L); // 1 us a number: the target is far above 64
    for (int i = 0; i < BatchSizer.PROBES; i++) {
      assertThat(sizer.next()).isEqualTo(64);
    }
    CompletableFuture<Integer> pastTheProbes = nextAsync(sizer);

    assertThatThrownBy(() -> pastTheProbes.get(200, TimeUnit.MILLISECONDS))
        .isInstanceOf(TimeoutException.class);
    sizer.observe(64, 64 * 1_000L);

    assertThat(pastTheProbes.get(10, TimeUnit.SECONDS)).isEqualTo(256);
  }

  @Test
  void shouldNotWaitOnceTheSizeHasReachedItsTarget() throws Exception {
    BatchSizer sizer = BatchSizer.adaptive();
    sizer.observe(16, 16 * 2_000_000L); // 2 ms a number: 25 numbers make the target

    for (int i = 0; i < 10 * BatchSizer.PROBES; i++) {
      assertThat(sizer.next()).isEqualTo(25);
    }
  }

  private static CompletableFuture<Integer> nextAsync(BatchSizer sizer) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return sizer.next();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  @Test
  void shouldSayTheLargestTaskItCanMake() {
    assertThat(BatchSizer.fixed(256).largest()).isEqualTo(256);
    assertThat(BatchSizer.adaptive().largest()).isEqualTo(BatchSizer.MAX_SIZE);
  }

  @Test
  void shouldKeepAFixedSizeWhateverTheTimings() throws Exception {
    BatchSizer sizer = BatchSizer.fixed(100);
    sizer.observe(100, 1_000_000_000L);
    assertThat(sizer.next()).isEqualTo(100);
  }

  @Test
  void shouldGrowTasksOfCheapNumbersTowardsTheTargetWithoutJumping() throws Exception {
    BatchSizer sizer = BatchSizer.adaptive();
    assertThat(sizer.next()).isEqualTo(BatchSizer.FIRST_SIZE);

    sizer.observe(16, 16 * 1_000L); // 1 us a number: 50 ms is 50,000 numbers
    assertThat(sizer.next()).isEqualTo(64);
    for (int i = 0; i < 10; i++) {
      sizer.observe(sizer.next(), sizer.next() * 1_000L);
    }
    assertThat(sizer.next()).isEqualTo(BatchSizer.MAX_SIZE);
  }

  @Test
  void shouldShrinkTasksOfExpensiveNumbers() throws Exception {
    BatchSizer sizer = BatchSizer.adaptive();
    sizer.observe(16, 16 * 20_000_000L); // 20 ms a number
    assertThat(sizer.next()).isEqualTo(3);
    sizer.observe(3, 3 * 200_000_000L);
    assertThat(sizer.next()).isEqualTo(1);
  }

  @Test
  void shouldIgnoreResultsWithoutTimings() throws Exception {
    BatchSizer sizer = BatchSizer.adaptive();
    sizer.observe(0, 0);
    sizer.observe(5, 0);
    assertThat(sizer.next()).isEqualTo(BatchSizer.FIRST_SIZE);
  }
}
