package io.factorfleet.fault;

import static io.factorfleet.fault.FaultChecks.assertAnsweredExactlyOnce;
import static io.factorfleet.fault.FaultChecks.awaitCompletion;
import static io.factorfleet.fault.FaultChecks.awaitProgress;
import static io.factorfleet.fault.FaultChecks.deadLetterDepth;
import static org.assertj.core.api.Assertions.assertThat;

import io.factorfleet.broker.BrokerSettings;
import io.factorfleet.topology.Topology;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workers and the aggregator service killed, added and removed while a job runs, on a RabbitMQ node
 * of this class's own: every number is still answered exactly once, and correctly.
 */
class ProcessFaultIT {
  private static PrivateRabbitNode node;

  @BeforeAll
  static void startBroker() throws Exception {
    FaultPreconditions.assumeToolsInstalled();
    node = PrivateRabbitNode.start("ffproc-");
  }

  @AfterAll
  static void stopBroker() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void shouldAnswerEveryNumberOnceWhileWorkersAreKilled(@TempDir Path dir) throws Exception {
    Topology topology = Topology.withPrefix("killed-workers.");
    FleetTally tally = new FleetTally();
    try (FleetLauncher fleet = new FleetLauncher(dir, broker(), topology)) {
      FleetProcess aggregator = fleet.aggregator("aggregator", dir.resolve("data"));
      List<FleetProcess> workers = new ArrayList<>(List.of(fleet.worker("w1"), fleet.worker("w2")));
      long started = System.nanoTime();
      SubmittedJob job = fleet.submit(Jobs.numbers(1), Jobs.CHUNK_SIZE, dir.resolve("data"));

      // WHEN the oldest worker, once it consumes, is SIGKILLed four times, and a replacement
      // starts each time while the job goes on
      int next = 3;
      for (double share : List.of(0.15, 0.35, 0.55, 0.75)) {
        FleetProcess oldest = FleetLauncher.awaitConsuming(workers.remove(0));
        awaitProgress(job, share, fleet);
        tally.killed(oldest);
        workers.add(fleet.startWorker("w" + next++));
      }
      awaitCompletion(job, fleet);
      double seconds = Jobs.secondsSince(started);

      // THEN
      assertAnsweredExactlyOnce(job);
      for (FleetProcess worker : workers) {
        tally.stopWorker(FleetLauncher.awaitConsuming(worker));
      }
      tally.stopAggregator(aggregator);
      assertThat(tally.resultsRecorded()).isEqualTo(job.tasks());
      long deadLettered = deadLetterDepth(broker(), topology);
      assertThat(deadLettered).as("messages dead-lettered").isZero();
      ReliabilityReport.record(
          Jobs.row(
              1,
              "4 × SIGKILL of a worker (of 2), each replaced",
              job,
              tally,
              deadLettered,
              seconds));
    }
  }

  @Test
  void shouldAnswerEveryNumberOnceWhileWorkersAreAddedAndRemoved(@TempDir Path dir)
      throws Exception {
    Topology topology = Topology.withPrefix("scaled-workers.");
    FleetTally tally = new FleetTally();
    try (FleetLauncher fleet = new FleetLauncher(dir, broker(), topology)) {
      FleetProcess aggregator = fleet.aggregator("aggregator", dir.resolve("data"));
      FleetProcess first = fleet.worker("w1");
      long started = System.nanoTime();
      SubmittedJob job = fleet.submit(Jobs.numbers(2), Jobs.CHUNK_SIZE, dir.resolve("data"));

      // WHEN the job scales from 1 to 3 workers, then back to 1 by SIGTERM once the three have
      // shared a fifth of the job
      awaitProgress(job, 0.1, fleet);
      List<FleetProcess> added = fleet.workers("w2", "w3");
      awaitProgress(job, Math.min(0.95, job.shareRecorded() + 0.2), fleet);
      for (FleetProcess worker : added) {
        tally.stopWorker(worker);
      }
      awaitCompletion(job, fleet);
      double seconds = Jobs.secondsSince(started);

      // THEN
      assertAnsweredExactlyOnce(job);
      tally.stopWorker(first);
      tally.stopAggregator(aggregator);
      assertThat(tally.resultsRecorded()).isEqualTo(job.tasks());
      assertThat(tally.workerAnswers()).isEqualTo(job.tasks() + tally.duplicatesDropped());
      long deadLettered = deadLetterDepth(broker(), topology);
      assertThat(deadLettered).as("messages dead-lettered").isZero();
      ReliabilityReport.record(
          Jobs.row(
              2,
              "1 → 3 workers at 10 %, back to 1 by SIGTERM after 20 % more (both exit 0)",
              job,
              tally,
              deadLettered,
              seconds));
    }
  }

  @Test
  void shouldAnswerEveryNumberOnceWhenTheAggregatorIsKilledAndRestarted(@TempDir Path dir)
      throws Exception {
    Topology topology = Topology.withPrefix("killed-aggregator.");
    Path data = dir.resolve("data");
    FleetTally tally = new FleetTally();
    try (FleetLauncher fleet = new FleetLauncher(dir, broker(), topology)) {
      FleetProcess firstAggregator = fleet.aggregator("aggregator-1", data);
      FleetProcess w1 = fleet.worker("w1");
      FleetProcess w2 = fleet.worker("w2");
      long started = System.nanoTime();
      SubmittedJob job = fleet.submit(Jobs.numbers(4), Jobs.CHUNK_SIZE, data);

      // WHEN the aggregator service is SIGKILLed mid-job and started again on the same data
      awaitProgress(job, 0.3, fleet);
      tally.killed(firstAggregator);
      long recordedBeforeRestart = job.tasksRecorded();
      FleetProcess secondAggregator = fleet.aggregator("aggregator-2", data);
      awaitCompletion(job, fleet);
      double seconds = Jobs.secondsSince(started);

      // THEN
      assertAnsweredExactlyOnce(job);
      tally.stopWorker(w1);
      tally.stopWorker(w2);
      tally.stopAggregator(secondAggregator);
      assertThat(tally.resultsRecorded()).isEqualTo(job.tasks() - recordedBeforeRestart);
      // A duplicate is either a second answer from a worker or a result the killed service had
      // written but not yet acknowledged, which the broker delivers again without a new answer.
      assertThat(tally.workerAnswers())
          .isBetween((long) job.tasks(), job.tasks() + tally.duplicatesDropped());
      long deadLettered = deadLetterDepth(broker(), topology);
      assertThat(deadLettered).as("messages dead-lettered").isZero();
      ReliabilityReport.record(
          Jobs.row(
              4,
              "SIGKILL of the aggregator service at 30 %, restarted on the same data directory",
              job,
              tally,
              deadLettered,
              seconds));
    }
  }

  private static BrokerSettings broker() {
    return BrokerSettings.parse(node.amqpUri().toString());
  }
}
