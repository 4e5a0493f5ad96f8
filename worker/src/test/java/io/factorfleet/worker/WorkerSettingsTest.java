package io.factorfleet.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.factorfleet.broker.BrokerSettings;
import io.factorfleet.topology.Topology;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkerSettingsTest {
  private static WorkerSettings settings(int prefetchPerThread, Duration taskBudget) {
    return new WorkerSettings(
        BrokerSettings.parse(BrokerSettings.DEFAULT_URI),
        Topology.defaults(),
        "w1",
        4,
        prefetchPerThread,
        100,
        Duration.ofMinutes(2),
        taskBudget,
        Duration.ofSeconds(20),
        Duration.ofSeconds(60));
  }

  @Test
  void shouldHoldATaskAtMostTwentyMinutesWithTheDefaults() {
    WorkerSettings defaults = settings(2, Duration.ofMinutes(10));

    assertThat(defaults.taskBudget().multipliedBy(defaults.prefetchPerThread()))
        .isLessThanOrEqualTo(WorkerSettings.MAX_TASK_HOLD)
        .isLessThan(WorkerSettings.BROKER_CONSUMER_TIMEOUT);
  }

  @Test
  void shouldTakeTheWholeHoldAsBudgetWhenEachThreadHoldsOneTask() {
    assertThat(settings(1, Duration.ofMinutes(20)).taskBudget()).isEqualTo(Duration.ofMinutes(20));
    assertThat(settings(10, Duration.ofMinutes(2)).prefetch()).isEqualTo(40);
  }

  @Test
  void shouldRefuseABudgetThatATaskWaitingBehindAnotherWouldOutlast() {
    assertThatThrownBy(() -> settings(2, Duration.ofMinutes(20)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "task budget PT20M times prefetch per thread 2 is PT40M, more than the PT20M a task"
                + " may be held so that RabbitMQ's 30-minute consumer timeout never strikes: lower"
                + " the task budget to PT10M or the prefetch per thread to 1");
  }

  @Test
  void shouldSuggestOnlyTheBudgetWhenNoPrefetchWouldFit() {
    assertThatThrownBy(() -> settings(1, Duration.ofMinutes(21)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("lower the task budget to PT20M");
  }

  @Test
  void shouldRefuseAHighPrefetchWithTheDefaultBudget() {
    assertThatThrownBy(() -> settings(3, Duration.ofMinutes(10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is PT30M")
        .hasMessageEndingWith("lower the task budget to PT6M40S or the prefetch per thread to 2");
  }
}
