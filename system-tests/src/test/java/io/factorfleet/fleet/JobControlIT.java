package io.factorfleet.fleet;

import static io.factorfleet.fleet.FleetEndToEndIT.aWorker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.factorfleet.aggregator.service.AggregatorService;
import io.factorfleet.aggregator.service.AggregatorSettings;
import io.factorfleet.broker.BrokerConnector;
import io.factorfleet.broker.BrokerSettings;
import io.factorfleet.cli.FleetRun;
import io.factorfleet.results.JobStatus;
import io.factorfleet.testing.NumberMix;
import io.factorfleet.testing.RabbitBroker;
import io.factorfleet.topology.Topology;
import io.factorfleet.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fleet jobs} and {@code fleet cancel} against a real broker: a cancelled job's tasks leave
 * the task queue within seconds, dropped by the workers rather than factored, and the jobs of
 * others complete whole.
 */
@ExtendWith(RabbitBroker.class)
public class JobControlIT {
  /** Long enough that a job of them is still running when it is cancelled, on one slow core. */
  private static final List<String> SLOW_NUMBERS =
      NumberMix.withSeed(23).semiprimes(20_000, 40).build();

  private static final Duration FEW_SECONDS = Duration.ofSeconds(10);

  @Test
  void shouldListAFactorJobAndCancelItWhileAnotherJobCompletesWhole(
      BrokerSettings broker, Topology topology) throws Exception {
    Map<String, String> env = RabbitBroker.environment(broker, topology);
    List<String> small = NumberMix.withSeed(5).edgeCases().random(3_000, 2, 70).build();
    String expected = FleetRun.of(env, String.join("\n", small), "factor", "--local").out();
    try (Worker worker = Worker.start(aWorker(broker, topology, "w1"))) {
      // A fixed window of 400 tasks of 10 numbers, so that most of the job waits in the queue.
      CompletableFuture<FleetRun> big =
          CompletableFuture.supplyAsync(
              () ->
                  FleetRun.of(
                      env,
                      String.join("\n", SLOW_NUMBERS),
                      "factor",
                      "--chunk-size=10",
                      "--max-in-flight=400"));
      String job = awaitListed(env, "factor");
      await().atMost(FEW_SECONDS).until(() -> readyTasks(broker, topology) > 100);

      CompletableFuture<FleetRun> other =
          CompletableFuture.supplyAsync(() -> FleetRun.of(env, String.join("\n", small), "factor"));
      FleetRun cancel = FleetRun.of(env, "", "cancel", job);

      assertThat(cancel.exitCode()).as(cancel.err()).isZero();
      assertThat(cancel.out()).startsWith("cancelled job " + job + " (fleet factor on ");
      FleetRun cancelled = big.get();
      assertThat(cancelled.exitCode()).isEqualTo(130);
      assertThat(cancelled.err())
          .contains("fleet: job " + job + " was cancelled by fleet cancel on ");
      await().atMost(FEW_SECONDS).until(() -> readyTasks(broker, topology) == 0);
      assertThat(worker.tasksSkipped()).isGreaterThan(100);
      assertThat(worker.tasksAnswered()).isLessThan(SLOW_NUMBERS.size() / 10);

      FleetRun completed = other.get();
      assertThat(completed.exitCode()).as(completed.err()).isZero();
      assertThat(completed.out()).isEqualTo(expected);
      assertThat(FleetRun.of(env, "", "jobs").out()).isEqualTo("no job in flight\n");
    } finally {
      RabbitBroker.deleteQueues(broker, topology);
    }
  }

  @Test
  void shouldCancelASubmittedJobWhilePublishingAndDiscardWhatTheServiceCollected(
      BrokerSettings broker, Topology topology, @TempDir Path data) throws Exception {
    Map<String, String> env = RabbitBroker.environment(broker, topology);
    try (AggregatorService service = aService(broker, topology, data);
        Worker worker = Worker.start(aWorker(broker, topology, "w1"))) {
      CompletableFuture<FleetRun> submit =
          CompletableFuture.supplyAsync(
              () ->
                  FleetRun.of(
                      env,
                      String.join("\n", SLOW_NUMBERS),
                      "submit",
                      "--chunk-size=2",
                      "--confirm-window=4"));
      String job = awaitListed(env, "submit");
      await().atMost(FEW_SECONDS).until(() -> !service.spool().running().isEmpty());

      FleetRun cancel = FleetRun.of(env, "", "cancel", job);

      assertThat(cancel.exitCode()).as(cancel.err()).isZero();
      assertThat(cancel.out())
          .contains("cancelled job " + job + " (fleet submit on ")
          .contains("cancelled job " + job + " (the aggregator service on ");
      FleetRun submitted = submit.get();
      assertThat(submitted.exitCode()).isEqualTo(130);
      assertThat(submitted.err())
          .contains("fleet: job " + job + " was cancelled by fleet cancel on ")
          .contains("while it was being submitted");
      await().atMost(FEW_SECONDS).until(() -> readyTasks(broker, topology) == 0);
      JobStatus status = service.spool().status(job);
      assertThat(status.state()).isEqualTo(JobStatus.State.FAILED);
      assertThat(status.reason()).startsWith("cancelled by fleet cancel on ");
      assertThat(service.spool().outputOf(job)).doesNotExist();
      assertThat(readyMessages(broker, topology.deadLetterQueue())).isZero();
    } finally {
      RabbitBroker.deleteQueues(broker, topology);
    }
  }

  @Test
  void shouldRefuseToCancelAFinishedOrUnknownJobAndSaySo(
      BrokerSettings broker, Topology topology, @TempDir Path data) throws Exception {
    Map<String, String> env = RabbitBroker.environment(broker, topology);
    try (AggregatorService service = aService(broker, topology, data);
        Worker worker = Worker.start(aWorker(broker, topology, "w1"))) {
      FleetRun submit = FleetRun.of(env, "12 13 14", "submit");
      String job = submit.out().trim();
      await()
          .atMost(FEW_SECONDS)
          .until(() -> service.spool().status(job).state() == JobStatus.State.WRITTEN);

      FleetRun finished = FleetRun.of(env, "", "cancel", job);
      FleetRun unknown = FleetRun.of(env, "", "cancel", UUID.randomUUID().toString());
      FleetRun invalid = FleetRun.of(env, "", "cancel", "../etc");

      assertThat(finished.exitCode()).isEqualTo(3);
      assertThat(finished.err())
          .startsWith("fleet: no job " + job + " is in flight (unknown or finished");
      assertThat(service.spool().status(job).state()).isEqualTo(JobStatus.State.WRITTEN);
      assertThat(Files.readString(service.spool().outputOf(job)))
          .isEqualTo("12: 2 2 3\n13: 13\n14: 2 7\n");
      assertThat(unknown.exitCode()).isEqualTo(3);
      assertThat(invalid.exitCode()).isEqualTo(64);
      assertThat(invalid.err()).contains("'../etc' is not a job id");
    } finally {
      RabbitBroker.deleteQueues(broker, topology);
    }
  }

  /** Waits until {@code fleet jobs} lists one job of {@code command}; returns its id. */
  public static String awaitListed(Map<String, String> env, String command) {
    Pattern line =
        Pattern.compile("^([0-9a-f-]{36}) +\\S+ +" + command + " +[0-9,]+ ", Pattern.MULTILINE);
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              Matcher matcher = line.matcher(FleetRun.of(env, "", "jobs").out());
              return matcher.find() ? Optional.of(matcher.group(1)) : Optional.<String>empty();
            },
            Optional::isPresent)
        .orElseThrow();
  }

  /** Whether {@code queue} is declared. */
  public static boolean queueExists(BrokerSettings broker, String queue) throws Exception {
    try (Connection connection = new BrokerConnector(broker).open("test")) {
      Channel channel = connection.createChannel();
      try {
        channel.queueDeclarePassive(queue);
        channel.close();
        return true;
      } catch (java.io.IOException notFound) {
        return false;
      }
    }
  }

  public static long readyTasks(BrokerSettings broker, Topology topology) throws Exception {
    return readyMessages(broker, topology.taskQueue());
  }

  public static long readyMessages(BrokerSettings broker, String queue) throws Exception {
    try (Connection connection = new BrokerConnector(broker).open("test");
        Channel channel = connection.createChannel()) {
      return channel.queueDeclarePassive(queue).getMessageCount();
    }
  }

  /** The aggregator service on a data directory of its own. */
  private static AggregatorService aService(BrokerSettings broker, Topology topology, Path data)
      throws Exception {
    return AggregatorService.start(
        new AggregatorSettings(broker, topology, data, 64, Duration.ofSeconds(10)));
  }
}
