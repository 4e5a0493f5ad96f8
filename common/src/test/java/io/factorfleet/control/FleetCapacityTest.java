package io.factorfleet.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FleetCapacityTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void shouldAddThePrefetchOfEveryWorkerHeardFromOncePerWorker() {
    FleetCapacity capacity = new FleetCapacity();

    capacity.heard("w1", 4, 0);
    capacity.heard("w2", 16, SECOND);
    capacity.heard("w1", 4, 2 * SECOND);

    assertThat(capacity.prefetch(3 * SECOND)).isEqualTo(20);
  }

  @Test
  void shouldForgetAWorkerNotHeardFromForSixSeconds() {
    FleetCapacity capacity = new FleetCapacity();

    capacity.heard("gone", 8, 0);
    capacity.heard("here", 4, 5 * SECOND);

    assertThat(capacity.prefetch(6 * SECOND)).isEqualTo(12);
    assertThat(capacity.prefetch(7 * SECOND)).isEqualTo(4);
  }

  @Test
  void shouldGiveAJobTheFleetsPrefetchWithinItsBounds() {
    assertThat(FleetCapacity.window(4, 4096)).isEqualTo(4);
    assertThat(FleetCapacity.window(0, 4096)).isEqualTo(FleetCapacity.MIN_WINDOW);
    assertThat(FleetCapacity.window(10_000, 4096)).isEqualTo(4096);
    assertThat(FleetCapacity.window(0, 1)).isEqualTo(1);
  }
}
