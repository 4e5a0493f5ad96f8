package io.factorfleet.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.factorfleet.broker.BrokerSettings;
import io.factorfleet.cli.FleetRun;
import io.factorfleet.testing.RabbitBroker;
import io.factorfleet.topology.Topology;
import io.factorfleet.worker.Worker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code fleet factor --format} through a real broker and worker. */
@ExtendWith(RabbitBroker.class)
class FactorFormatsIT {
  @Test
  void shouldPrintJsonLinesNamingTheWorkerThatAnswered(BrokerSettings broker, Topology topology)
      throws Exception {
    FleetRun run;
    try (Worker worker = Worker.start(FleetEndToEndIT.aWorker(broker, topology, "w1"))) {
      run =
          FleetRun.of(
              RabbitBroker.environment(broker, topology), "12\n13\n", "factor", "--format=jsonl");
    } finally {
      RabbitBroker.deleteQueues(broker, topology);
    }

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines())
        .hasSize(2)
        .satisfiesExactly(
            first ->
                assertThat(first)
                    .startsWith("{\"n\":\"12\",\"factors\":[\"2\",\"2\",\"3\"],\"worker\":\"w1\","),
            second ->
                assertThat(second)
                    .startsWith("{\"n\":\"13\",\"factors\":[\"13\"],\"worker\":\"w1\","));
  }

  @Test
  void shouldPrintTheMethodsTheWorkerSentAsLocalJsonLinesDo(
      BrokerSettings broker, Topology topology) throws Exception {
    String input = "12\n18446744073709551617\n30000000000003812800000000012484357\n";
    FleetRun run;
    try (Worker worker = Worker.start(FleetEndToEndIT.aWorker(broker, topology, "w1"))) {
      run =
          FleetRun.of(
              RabbitBroker.environment(broker, topology), input, "factor", "--format=jsonl");
    } finally {
      RabbitBroker.deleteQueues(broker, topology);
    }
    FleetRun local = FleetRun.of(java.util.Map.of(), input, "factor", "--local", "--format=jsonl");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("\"methods\":[\"siqs\",\"siqs\"]");
    // the same lines but for the worker and the task's time, which only the fleet has
    assertThat(run.out().replaceAll(",\"worker\":\"w1\",\"taskNanos\":\\d+", ""))
        .isEqualTo(local.out());
  }

  @Test
  void shouldPrintCsvThroughTheFleet(BrokerSettings broker, Topology topology) throws Exception {
    FleetRun run;
    try (Worker worker = Worker.start(FleetEndToEndIT.aWorker(broker, topology, "w1"))) {
      run =
          FleetRun.of(
              RabbitBroker.environment(broker, topology),
              "",
              "factor",
              "--format=csv",
              "12",
              "x",
              "13");
    } finally {
      RabbitBroker.deleteQueues(broker, topology);
    }

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEqualTo("n,factors\n12,2 2 3\n13,13\n");
    assertThat(run.err()).isEqualTo("fleet: 'x' is not a valid positive integer\n");
  }
}
