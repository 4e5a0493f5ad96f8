package io.factorfleet.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CancelledJobsTest {
  private final AtomicLong clock = new AtomicLong();
  private final CancelledJobs cancelled = new CancelledJobs(clock::get);

  @Test
  void shouldRememberACancelForAnHourOnly() {
    cancelled.add("job-1");

    clock.addAndGet(CancelledJobs.REMEMBERED_FOR.toNanos() - 1);
    assertThat(cancelled.contains("job-1")).isTrue();
    assertThat(cancelled.contains("job-2")).isFalse();
    clock.addAndGet(1);
    assertThat(cancelled.contains("job-1")).isFalse();
  }

  @Test
  void shouldForgetTheOldestCancelsBeyondItsLimit() {
    for (int i = 0; i <= CancelledJobs.MAX_REMEMBERED; i++) {
      clock.incrementAndGet();
      cancelled.add("job-" + i);
    }

    assertThat(cancelled.contains("job-0")).isFalse();
    assertThat(cancelled.contains("job-1")).isTrue();
    assertThat(cancelled.contains("job-" + CancelledJobs.MAX_REMEMBERED)).isTrue();
  }

  @Test
  void shouldKnowNoJobWithoutAnId() {
    cancelled.add("job-1");

    assertThat(cancelled.contains(null)).isFalse();
  }
}
