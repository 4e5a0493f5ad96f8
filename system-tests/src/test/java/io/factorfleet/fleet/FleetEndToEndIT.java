package io.factorfleet.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import io.factorfleet.aggregator.service.AggregatorService;
import io.factorfleet.aggregator.service.AggregatorSettings;
import io.factorfleet.broker.BrokerSettings;
import io.factorfleet.cli.FleetRun;
import io.factorfleet.testing.GnuFactor;
import io.factorfleet.testing.NumberMix;
import io.factorfleet.testing.RabbitBroker;
import io.factorfleet.topology.Topology;
import io.factorfleet.worker.Worker;
import io.factorfleet.worker.WorkerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The whole fleet against a real broker: producer CLI, two workers, the aggregator. */
@ExtendWith(RabbitBroker.class)
public class FleetEndToEndIT {
  @BeforeAll
  static void needsTheOracle() {
    assumeThat(GnuFactor.isInstalled()).as("GNU factor installed").isTrue();
  }

  @Test
  void shouldAnswerTenThousandMixedNumbersExactlyOnceThroughTwoWorkers(
      BrokerSettings broker, Topology topology) throws Exception {
    List<String> numbers =
        NumberMix.withSeed(2024)
            .edgeCases()
            .random(8_800, 2, 64)
            .random(700, 65, 90)
            .semiprimes(300, 31)
            .squaresOfPrimes(200, 44)
            .shuffled()
            .build();
    assertThat(numbers).hasSizeGreaterThanOrEqualTo(10_000);

    FleetRun run;
    try (Worker first = Worker.start(aWorker(broker, topology, "w1"));
        Worker second = Worker.start(aWorker(broker, topology, "w2"))) {
      run =
          FleetRun.of(
              RabbitBroker.environment(broker, topology),
              String.join("\n", numbers) + "\n",
              "factor",
              "--chunk-size=50");
    } finally {
      RabbitBroker.deleteQueues(broker, topology);
    }

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo(GnuFactor.output(numbers));
  }

  @Test
  void shouldWriteASubmittedJobToTheAggregatorsDataDirectory(
      BrokerSettings broker, Topology topology, @TempDir Path data) throws Exception {
    List<String> numbers = NumberMix.withSeed(7).edgeCases().random(2_000, 2, 80).build();

    try (AggregatorService aggregator =
            AggregatorService.start(
                new AggregatorSettings(broker, topology, data, 64, Duration.ofSeconds(10)));
        Worker first = Worker.start(aWorker(broker, topology, "w1"));
        Worker second = Worker.start(aWorker(broker, topology, "w2"))) {
      FleetRun submit =
          FleetRun.of(
              RabbitBroker.environment(broker, topology),
              String.join(" ", numbers) + " oops",
              "submit",
              "--chunk-size=64");

      assertThat(submit.exitCode()).isEqualTo(1);
      assertThat(submit.err()).isEqualTo("fleet: 'oops' is not a valid positive integer\n");
      String job = submit.out().trim();
      Path output = aggregator.spool().outputOf(job);
      await().atMost(Duration.ofMinutes(2)).until(() -> Files.exists(output));

      assertThat(Files.readString(output)).isEqualTo(GnuFactor.output(numbers));
      assertThat(aggregator.aggregator().accepted()).isEqualTo((numbers.size() + 63) / 64);
    } finally {
      RabbitBroker.deleteQueues(broker, topology);
    }
  }

  @Test
  void shouldShowQueueDepthsAndConsumers(BrokerSettings broker, Topology topology)
      throws Exception {
    try (Worker worker = Worker.start(aWorker(broker, topology, "w1"))) {
      FleetRun status = FleetRun.of(RabbitBroker.environment(broker, topology), "", "status");

      assertThat(status.exitCode()).isZero();
      assertThat(status.out())
          .containsPattern(topology.taskQueue().replace(".", "\\.") + " +0 +1\\n")
          .containsPattern(topology.resultQueue().replace(".", "\\.") + " +- +-\\n");
    } finally {
      RabbitBroker.deleteQueues(broker, topology);
    }
  }

  public static WorkerSettings aWorker(BrokerSettings broker, Topology topology, String id) {
    return new WorkerSettings(
        broker,
        topology,
        id,
        2,
        2,
        100,
        Duration.ofMinutes(1),
        Duration.ofMinutes(10),
        Duration.ofSeconds(10),
        Duration.ofSeconds(10));
  }
}
