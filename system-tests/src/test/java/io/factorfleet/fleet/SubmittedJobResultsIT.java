package io.factorfleet.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.factorfleet.aggregator.service.SpoolDirectory;
import io.factorfleet.broker.BrokerConnector;
import io.factorfleet.broker.BrokerSettings;
import io.factorfleet.cli.FleetRun;
import io.factorfleet.fault.FleetLauncher;
import io.factorfleet.fault.FleetProcess;
import io.factorfleet.fault.SubmittedJob;
import io.factorfleet.testing.GnuFactor;
import io.factorfleet.testing.NumberMix;
import io.factorfleet.testing.RabbitBroker;
import io.factorfleet.topology.Topology;
import io.factorfleet.wire.MessageKind;
import io.factorfleet.wire.NumberResult;
import io.factorfleet.wire.ResultMessage;
import io.factorfleet.wire.SealMessage;
import io.factorfleet.wire.WireCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fleet wait}, {@code fleet result} and {@code fleet submit --wait} against a real broker
 * and the aggregator service running as a process of its own, reached over its HTTP server.
 */
@ExtendWith(RabbitBroker.class)
class SubmittedJobResultsIT {
  private static final Duration JOB_TIMEOUT = Duration.ofMinutes(2);

  @BeforeAll
  static void needsTheOracle() {
    assumeThat(GnuFactor.isInstalled()).as("GNU factor installed").isTrue();
  }

  @Test
  void shouldSayAJobIsUnknownWhenTheServiceHasNeverSeenIt(
      BrokerSettings broker, Topology topology, @TempDir Path dir) throws Exception {
    try (FleetLauncher fleet = new FleetLauncher(dir, broker, topology)) {
      Map<String, String> env = startAggregator(fleet, dir, broker, topology);
      String job = UUID.randomUUID().toString();

      FleetRun wait = FleetRun.of(env, "", "wait", job, "--patience", "PT1S");
      FleetRun result = FleetRun.of(env, "", "result", job);

      assertThat(wait.exitCode()).isEqualTo(3);
      assertThat(wait.err()).startsWith("fleet: unknown job " + job + ": the aggregator service");
      assertThat(result.exitCode()).isEqualTo(3);
      assertThat(result.out()).isEmpty();
    } finally {
      RabbitBroker.deleteQueues(broker, topology);
    }
  }

  @Test
  void shouldSayAJobFailedAndWhyWhenItsSealContradictsItsResults(
      BrokerSettings broker, Topology topology, @TempDir Path dir) throws Exception {
    try (FleetLauncher fleet = new FleetLauncher(dir, broker, topology)) {
      Map<String, String> env = startAggregator(fleet, dir, broker, topology);
      String job = UUID.randomUUID().toString();

      // WHEN the service gets a result of task 3, then a seal that says the job has 2 tasks
      WireCodec codec = new WireCodec();
      try (Connection connection = new BrokerConnector(broker).open("contradicting seal");
          Channel channel = connection.createChannel()) {
        channel.confirmSelect();
        ResultMessage result =
            ResultMessage.of(
                job, 3, "w1", 1, List.of(NumberResult.complete("6", List.of("2", "3"))));
        channel.basicPublish(
            "", topology.resultQueue(), properties(MessageKind.RESULT), codec.encode(result));
        channel.waitForConfirmsOrDie(10_000);
        await("the result recorded")
            .atMost(JOB_TIMEOUT)
            .until(() -> SpoolDirectory.tasksRecorded(dir.resolve("data"), job) == 1);
        channel.basicPublish(
            "",
            topology.resultQueue(),
            properties(MessageKind.SEAL),
            codec.encode(SealMessage.of(job, 2, 2)));
        channel.waitForConfirmsOrDie(10_000);
      }

      // THEN wait and result say it failed and why, and --delete takes it away
      FleetRun wait = FleetRun.of(env, "", "wait", job);
      assertThat(wait.exitCode()).as(wait.err()).isEqualTo(5);
      assertThat(wait.err())
          .startsWith("fleet: job " + job + " failed: its seal says 2 tasks, but task 3 arrived");
      FleetRun result = FleetRun.of(env, "", "result", "--delete", job);
      assertThat(result.exitCode()).isEqualTo(5);
      assertThat(result.out()).isEmpty();
      assertThat(result.err()).isEqualTo(wait.err());
      assertThat(FleetRun.of(env, "", "result", job).exitCode()).isEqualTo(3);
    } finally {
      RabbitBroker.deleteQueues(broker, topology);
    }
  }

  private static AMQP.BasicProperties properties(MessageKind kind) {
    return new AMQP.BasicProperties.Builder()
        .type(kind.type())
        .contentType(WireCodec.CONTENT_TYPE)
        .deliveryMode(2)
        .build();
  }

  @Test
  void shouldWaitForARunningJobThenPrintItInEveryFormatAndDeleteIt(
      BrokerSettings broker, Topology topology, @TempDir Path dir) throws Exception {
    List<String> numbers =
        NumberMix.withSeed(11).edgeCases().random(300, 2, 80).semiprimes(20, 31).build();
    try (FleetLauncher fleet = new FleetLauncher(dir, broker, topology)) {
      Map<String, String> env = startAggregator(fleet, dir, broker, topology);
      FleetRun submit =
          FleetRun.of(env, String.join("\n", numbers), "submit", "--chunk-size", "16");
      assertThat(submit.exitCode()).as(submit.err()).isZero();
      String job = submit.out().trim();

      // WHEN no worker runs, the service has the job's seal and nothing else
      await("fleet result saying the job runs")
          .atMost(JOB_TIMEOUT)
          .until(() -> FleetRun.of(env, "", "result", job).exitCode() == 4);
      FleetRun running = FleetRun.of(env, "", "result", job);
      CompletableFuture<FleetRun> wait =
          CompletableFuture.supplyAsync(() -> FleetRun.of(env, "", "wait", job));
      fleet.worker("w1");

      // THEN
      assertThat(running.err())
          .isEqualTo(
              "fleet: job "
                  + job
                  + " is still running, 0 of "
                  + (numbers.size() + 15) / 16
                  + " tasks recorded; fleet wait "
                  + job
                  + " waits for it\n");
      FleetRun waited = wait.get(JOB_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      assertThat(waited.exitCode()).as(waited.err()).isZero();
      FleetRun gnu = FleetRun.of(env, "", "result", job);
      assertThat(gnu.exitCode()).as(gnu.err()).isZero();
      assertThat(gnu.out()).isEqualTo(GnuFactor.output(numbers));
      FleetRun csv = FleetRun.of(env, "", "result", job, "--format", "csv");
      assertThat(csv.out().lines()).hasSize(numbers.size() + 1).first().isEqualTo("n,factors");
      FleetRun jsonl = FleetRun.of(env, "", "result", job, "--format=jsonl");
      assertThat(jsonl.out().lines())
          .hasSize(numbers.size())
          .allSatisfy(line -> assertThat(line).contains("\"worker\":\"w1\"", "\"taskNanos\":"));
      FleetRun deleted = FleetRun.of(env, "", "result", "--delete", job);
      assertThat(deleted.exitCode()).isZero();
      assertThat(deleted.out()).isEqualTo(gnu.out());
      assertThat(FleetRun.of(env, "", "result", job).exitCode()).isEqualTo(3);
    } finally {
      RabbitBroker.deleteQueues(broker, topology);
    }
  }

  @Test
  void shouldWaitThroughARestartOfTheService(
      BrokerSettings broker, Topology topology, @TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    List<String> numbers =
        NumberMix.withSeed(12).random(4_500, 20, 60).semiprimes(1_500, 28).shuffled().build();
    try (FleetLauncher fleet = new FleetLauncher(dir, broker, topology)) {
      int port = FleetLauncher.sparePort();
      FleetProcess first = fleet.aggregator("aggregator-1", data, port);
      Map<String, String> env = environment(broker, topology, port);
      fleet.worker("w1");
      SubmittedJob job = fleet.submit(numbers, 4, data);
      CompletableFuture<FleetRun> wait =
          CompletableFuture.supplyAsync(() -> FleetRun.of(env, "", "wait", job.id()));

      // WHEN the service is SIGKILLed mid-job and started again on the same data and port
      await("a tenth of the job recorded")
          .atMost(JOB_TIMEOUT)
          .until(() -> SpoolDirectory.tasksRecorded(data, job.id()) >= job.tasks() / 10);
      first.kill();
      assertThat(job.isComplete()).as("job finished before the service was killed").isFalse();
      fleet.aggregator("aggregator-2", data, port);

      // THEN
      FleetRun waited = wait.get(JOB_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      assertThat(waited.exitCode()).as(waited.err()).isZero();
      FleetRun result = FleetRun.of(env, "", "result", job.id());
      assertThat(result.out()).isEqualTo(GnuFactor.output(numbers));
    } finally {
      RabbitBroker.deleteQueues(broker, topology);
    }
  }

  @Test
  void shouldSubmitAndWaitInOneCommand(BrokerSettings broker, Topology topology, @TempDir Path dir)
      throws Exception {
    List<String> numbers = NumberMix.withSeed(13).random(500, 2, 64).build();
    List<String> withAnError = new ArrayList<>(numbers);
    withAnError.add("oops");
    try (FleetLauncher fleet = new FleetLauncher(dir, broker, topology)) {
      Map<String, String> env = startAggregator(fleet, dir, broker, topology);
      fleet.worker("w1");

      FleetRun submit = FleetRun.of(env, String.join(" ", withAnError), "submit", "--wait");

      assertThat(submit.exitCode()).isEqualTo(1);
      assertThat(submit.err()).isEqualTo("fleet: 'oops' is not a valid positive integer\n");
      FleetRun result = FleetRun.of(env, "", "result", submit.out().trim());
      assertThat(result.exitCode()).isZero();
      assertThat(result.out()).isEqualTo(GnuFactor.output(numbers));
    } finally {
      RabbitBroker.deleteQueues(broker, topology);
    }
  }

  /** Starts the aggregator service on a spare port; returns the environment that points at it. */
  private static Map<String, String> startAggregator(
      FleetLauncher fleet, Path dir, BrokerSettings broker, Topology topology) throws Exception {
    int port = FleetLauncher.sparePort();
    fleet.aggregator("aggregator", dir.resolve("data"), port);
    return environment(broker, topology, port);
  }

  private static Map<String, String> environment(
      BrokerSettings broker, Topology topology, int port) {
    Map<String, String> env = new java.util.HashMap<>(RabbitBroker.environment(broker, topology));
    env.put("FLEET_RESULTS_URL", "http://127.0.0.1:" + port);
    return env;
  }
}
