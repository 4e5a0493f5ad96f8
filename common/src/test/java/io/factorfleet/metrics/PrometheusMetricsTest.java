package io.factorfleet.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusMetricsTest {
  @Test
  void shouldExportEveryMeterOfAWorkerAtZeroBeforeItCountsAnything() {
    try (PrometheusMetrics metrics = PrometheusMetrics.forWorker("w1")) {
      String scraped = metrics.scrape();

      assertThat(scraped)
          .contains(
              "fleet_tasks_consumed_total{worker=\"w1\"} 0.0",
              "fleet_tasks_acked_total{worker=\"w1\"} 0.0",
              "fleet_tasks_requeued_total{worker=\"w1\"} 0.0",
              "fleet_tasks_dead_lettered_total{worker=\"w1\"} 0.0",
              "fleet_numbers_factored_total{worker=\"w1\"} 0.0",
              "fleet_task_factoring_seconds_count{worker=\"w1\"} 0",
              "fleet_task_queue_wait_seconds_count{worker=\"w1\"} 0",
              "fleet_tasks_in_flight{worker=\"w1\"} 0.0");
      for (FleetMeter meter : FleetMeter.of(FleetMeter.Role.AGGREGATOR)) {
        assertThat(scraped).doesNotContain(meter.prometheusName());
      }
    }
  }

  @Test
  void shouldExportEveryMeterOfTheAggregatorAtZeroBeforeItCountsAnything() {
    try (PrometheusMetrics metrics = PrometheusMetrics.forAggregator()) {
      String scraped = metrics.scrape();

      assertThat(scraped)
          .contains(
              "fleet_results_recorded_total 0.0",
              "fleet_results_duplicates_total 0.0",
              "fleet_replies_dead_lettered_total 0.0",
              "fleet_jobs_completed_total 0.0");
      for (FleetMeter meter : FleetMeter.of(FleetMeter.Role.WORKER)) {
        assertThat(scraped).doesNotContain(meter.prometheusName());
      }
    }
  }

  @Test
  void shouldReadTheTasksInFlightWhereTheWorkerSays() {
    try (PrometheusMetrics metrics = PrometheusMetrics.forWorker("w1")) {
      metrics.fleet().tasksInFlight(() -> 7);
      metrics.fleet().duplicateDropped();

      assertThat(metrics.scrape())
          .contains(
              "fleet_tasks_in_flight{worker=\"w1\"} 7.0",
              "fleet_results_duplicates_total{worker=\"w1\"} 1.0");
    }
  }

  @Test
  void shouldNameEachMeterAsPrometheusShowsIt() {
    assertThat(FleetMeter.TASKS_DEAD_LETTERED.prometheusName())
        .isEqualTo("fleet_tasks_dead_lettered_total");
    assertThat(FleetMeter.TASK_FACTORING.prometheusName())
        .isEqualTo("fleet_task_factoring_seconds");
    assertThat(FleetMeter.TASKS_IN_FLIGHT.prometheusName()).isEqualTo("fleet_tasks_in_flight");
  }
}
