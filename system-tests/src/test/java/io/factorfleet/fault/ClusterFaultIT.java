package io.factorfleet.fault;

import static io.factorfleet.fault.FaultChecks.assertAnsweredExactlyOnce;
import static io.factorfleet.fault.FaultChecks.awaitCompletion;
import static io.factorfleet.fault.FaultChecks.awaitProgress;
import static io.factorfleet.fault.FaultChecks.deadLetterDepth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.factorfleet.broker.BrokerSettings;
import io.factorfleet.topology.Topology;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A three-node cluster of private nodes, every client given all three URIs: the node leading the
 * task queue is killed mid-job, so the queue elects a new leader and clients on that node move.
 */
class ClusterFaultIT {
  private static PrivateRabbitCluster cluster;
  private static String clusterProblem;

  @BeforeAll
  static void startCluster() throws Exception {
    FaultPreconditions.assumeToolsInstalled();
    try {
      cluster = PrivateRabbitNode.cluster(3);
    } catch (Exception | AssertionError e) {
      clusterProblem = e.toString();
    }
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void shouldAnswerEveryNumberOnceWhenAClusterNodeIsKilledMidJob(@TempDir Path dir)
      throws Exception {
    assumeTrue(
        cluster != null,
        () -> "a three-node RabbitMQ cluster could not be formed here: " + clusterProblem);
    Topology topology = Topology.withPrefix("cluster.");
    BrokerSettings broker = BrokerSettings.parse(cluster.amqpUris());
    Path data = dir.resolve("data");
    FleetTally tally = new FleetTally();
    try (FleetLauncher fleet = new FleetLauncher(dir, broker, topology)) {
      FleetProcess aggregator = fleet.aggregator("aggregator", data);
      FleetProcess w1 = fleet.worker("w1");
      FleetProcess w2 = fleet.worker("w2");
      long started = System.nanoTime();
      SubmittedJob job = fleet.submit(Jobs.numbers(6), Jobs.CHUNK_SIZE, data);
      assertThat(membersOf(topology.taskQueue()))
          .as("nodes holding a replica of the task queue")
          .contains(
              cluster.node(0).nodeName(), cluster.node(1).nodeName(), cluster.node(2).nodeName());

      // WHEN the Erlang VM of the node leading the task queue is SIGKILLed mid-job
      int leader = leaderOf(topology.taskQueue());
      awaitProgress(job, 0.3, fleet);
      cluster.node(leader).kill();
      awaitCompletion(job, fleet);
      double seconds = Jobs.secondsSince(started);

      // THEN
      assertAnsweredExactlyOnce(job);
      tally.stopWorker(w1);
      tally.stopWorker(w2);
      tally.stopAggregator(aggregator);
      assertThat(tally.resultsRecorded()).isEqualTo(job.tasks());
      assertThat(tally.workerAnswers()).isGreaterThanOrEqualTo(job.tasks());
      BrokerSettings survivors =
          BrokerSettings.parse(
              cluster
                  .amqpUris()
                  .replace(cluster.node(leader).amqpUri() + ",", "")
                  .replace("," + cluster.node(leader).amqpUri(), ""));
      long deadLettered = deadLetterDepth(survivors, topology);
      assertThat(deadLettered).as("messages dead-lettered").isZero();
      ReliabilityReport.record(
          Jobs.row(
              6,
              "SIGKILL of the Erlang VM of node "
                  + (leader + 1)
                  + " of 3 (the task queue's leader) at 30 %; clients given all 3 URIs",
              job,
              tally,
              deadLettered,
              seconds));
    }
  }

  /** Which node leads the quorum queue {@code queue}. */
  private static int leaderOf(String queue) throws Exception {
    String row = column(queue, "leader");
    for (int i = 0; i < cluster.nodes().size(); i++) {
      if (row.contains(cluster.node(i).nodeName())) {
        return i;
      }
    }
    throw new AssertionError("no leader of " + queue + " among the nodes: " + row);
  }

  /** The {@code members} column of {@code rabbitmqctl list_queues} for one queue. */
  private static String membersOf(String queue) throws Exception {
    return column(queue, "members");
  }

  /** One queue's row of {@code rabbitmqctl list_queues name <item>}. */
  private static String column(String queue, String item) throws Exception {
    return cluster
        .node(1)
        .ctl("list_queues", "name", item)
        .output()
        .lines()
        .filter(line -> line.startsWith(queue + "\t"))
        .findFirst()
        .orElse("");
  }
}
