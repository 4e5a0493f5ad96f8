package io.factorfleet.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.factorfleet.broker.BrokerConnector;
import io.factorfleet.broker.BrokerSettings;
import io.factorfleet.testing.GnuFactor;
import io.factorfleet.topology.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.awaitility.core.ConditionTimeoutException;

/** The checks every fault scenario ends with, and the waits that pace its faults. */
final class FaultChecks {
  static final Duration JOB_TIMEOUT = Duration.ofMinutes(2);

  private FaultChecks() {}

  /**
   * Waits until the aggregator service has recorded {@code share} of the job's tasks, and checks
   * that the job is still running, so that the fault about to be injected lands mid-job.
   */
  static void awaitProgress(SubmittedJob job, double share, FleetLauncher fleet) {
    awaitOrExplain(
        "job " + job.id() + " past " + Math.round(share * 100) + "%",
        () -> job.isPast(share),
        job,
        fleet);
    assertThat(job.isComplete())
        .as("job finished before the fault could be injected; give it more numbers")
        .isFalse();
  }

  static void awaitCompletion(SubmittedJob job, FleetLauncher fleet) {
    awaitOrExplain("job " + job.id() + " complete", job::isComplete, job, fleet);
  }

  private static void awaitOrExplain(
      String what, Callable<Boolean> condition, SubmittedJob job, FleetLauncher fleet) {
    try {
      await(what).atMost(JOB_TIMEOUT).pollInterval(Duration.ofMillis(50)).until(condition);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          what
              + " did not happen within "
              + JOB_TIMEOUT
              + "; "
              + job.tasksRecorded()
              + " of "
              + job.tasks()
              + " tasks recorded.\n"
              + fleet.describe(),
          e);
    }
  }

  /**
   * The job's output holds one line per number, in input order, each as GNU {@code factor} prints
   * it: nothing missing, nothing twice, nothing wrong.
   */
  static void assertAnsweredExactlyOnce(SubmittedJob job) throws Exception {
    String expected = GnuFactor.output(job.numbers());
    String output = job.outputText();
    assertThat(surplus(expected, output)).as("lines missing from the output").isEmpty();
    assertThat(surplus(output, expected)).as("lines duplicated or wrong in the output").isEmpty();
    assertThat(output).as("output compared with GNU factor, in input order").isEqualTo(expected);
    assertThat(job.errors()).as("errors file of the job").doesNotExist();
  }

  /** Up to ten lines of {@code a} that {@code b} lacks, counting repeats. */
  private static List<String> surplus(String a, String b) {
    Map<String, Integer> counts = new HashMap<>();
    b.lines().forEach(line -> counts.merge(line, 1, Integer::sum));
    List<String> surplus = new ArrayList<>();
    for (String line : a.lines().toList()) {
      if (counts.merge(line, -1, Integer::sum) < 0 && surplus.size() < 10) {
        surplus.add(line);
      }
    }
    return surplus;
  }

  /** Messages waiting in the dead-letter queue. */
  static long deadLetterDepth(BrokerSettings broker, Topology topology) throws Exception {
    try (Connection connection = new BrokerConnector(broker).open("fault test check");
        Channel channel = connection.createChannel()) {
      topology.declareDeadLetterQueue(channel);
      return channel.queueDeclarePassive(topology.deadLetterQueue()).getMessageCount();
    }
  }
}
