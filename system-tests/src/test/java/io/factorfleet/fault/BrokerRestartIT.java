package io.factorfleet.fault;

import static io.factorfleet.fault.FaultChecks.assertAnsweredExactlyOnce;
import static io.factorfleet.fault.FaultChecks.awaitCompletion;
import static io.factorfleet.fault.FaultChecks.awaitProgress;
import static io.factorfleet.fault.FaultChecks.deadLetterDepth;
import static org.assertj.core.api.Assertions.assertThat;

import io.factorfleet.broker.BrokerSettings;
import io.factorfleet.topology.Topology;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker node stopped and started again on the same data while a job runs: the queues are
 * durable quorum queues and the messages persistent, so the job resumes and completes.
 */
class BrokerRestartIT {
  private static PrivateRabbitNode node;

  @BeforeAll
  static void startBroker() throws Exception {
    FaultPreconditions.assumeToolsInstalled();
    node = PrivateRabbitNode.start("ffrestart-");
  }

  @AfterAll
  static void stopBroker() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void shouldAnswerEveryNumberOnceWhenTheBrokerRestartsMidJob(@TempDir Path dir) throws Exception {
    Topology topology = Topology.withPrefix("restarted-broker.");
    BrokerSettings broker = BrokerSettings.parse(node.amqpUri().toString());
    Path data = dir.resolve("data");
    FleetTally tally = new FleetTally();
    try (FleetLauncher fleet = new FleetLauncher(dir, broker, topology)) {
      FleetProcess aggregator = fleet.aggregator("aggregator", data);
      FleetProcess w1 = fleet.worker("w1");
      FleetProcess w2 = fleet.worker("w2");
      long started = System.nanoTime();
      // a task per number: the node's stop takes seconds, and the job must outlast it
      SubmittedJob job = fleet.submit(Jobs.numbers(3), 1, data);

      // WHEN the node stops mid-job and starts again with the same data directory
      awaitProgress(job, 0.25, fleet);
      node.stop();
      long recordedWhileDown = job.tasksRecorded();
      node.start();
      awaitCompletion(job, fleet);
      double seconds = Jobs.secondsSince(started);

      // THEN
      assertThat(recordedWhileDown)
          .as("tasks recorded when the broker went down")
          .isLessThan(job.tasks());
      assertAnsweredExactlyOnce(job);
      tally.stopWorker(w1);
      tally.stopWorker(w2);
      tally.stopAggregator(aggregator);
      assertThat(tally.resultsRecorded()).isEqualTo(job.tasks());
      assertThat(tally.workerAnswers()).isGreaterThanOrEqualTo(job.tasks());
      long deadLettered = deadLetterDepth(broker, topology);
      assertThat(deadLettered).as("messages dead-lettered").isZero();
      ReliabilityReport.record(
          Jobs.row(
              3,
              "broker node stopped (rabbitmqctl stop) at 25 % and started again on the same data",
              job,
              tally,
              deadLettered,
              seconds));
    }
  }
}
