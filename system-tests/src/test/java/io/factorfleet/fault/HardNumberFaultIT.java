package io.factorfleet.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.factorfleet.broker.BrokerSettings;
import io.factorfleet.testing.RabbitBroker;
import io.factorfleet.topology.Topology;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * One hard number through {@code fleet factor} and two workers of one thread each: the command line
 * splits it into units that the workers share, and prints its factorization as GNU {@code factor}
 * does, even while one of the workers is SIGKILLed and started again every few seconds.
 */
@ExtendWith(RabbitBroker.class)
class HardNumberFaultIT {
  /** A balanced semiprime of 65 digits: gp's setrand(65001), as the bench scripts draw it. */
  private static final String P = "91575185092637057423651824205339";

  private static final String Q = "172683376025283417010904107398539";
  private static final String N = new BigInteger(P).multiply(new BigInteger(Q)).toString();
  private static final String EXPECTED = N + ": " + P + " " + Q + "\n";

  /** What a worker logs the first time it works on a unit of a number. */
  private static final String UNITS_LINE = "units of number";

  private static final Duration KILL_EVERY = Duration.ofSeconds(3);
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration FACTOR_TIMEOUT = Duration.ofSeconds(75);

  @Test
  void shouldFactorAHardNumberInUnitsWhileOneOfTwoWorkersIsKilledEveryFewSeconds(
      BrokerSettings broker, Topology topology, @TempDir Path dir) throws Exception {
    try (FleetLauncher fleet = new FleetLauncher(dir, broker, topology)) {
      List<FleetProcess> workers = fleet.workers("w1", "w2");
      FleetProcess steady = workers.get(0);
      FleetProcess victim = workers.get(1);
      List<FleetProcess> killed = new ArrayList<>();
      long deadline = System.nanoTime() + FACTOR_TIMEOUT.toNanos();
      FleetProcess factor = fleet.factor("hard", List.of(N));

      // WHEN the second worker is SIGKILLed as soon as it works on units of the number, 3 s after
      // it consumes at the latest, and a new one started at once, until fleet factor exits
      while (faultDue(factor, victim)) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(
              "fleet factor still running after " + FACTOR_TIMEOUT + ":\n" + fleet.describe());
        }
        victim.kill();
        killed.add(victim);
        victim = FleetLauncher.awaitConsuming(fleet.startWorker("w" + (killed.size() + 2)));
      }

      // THEN
      assertThat(factor.awaitExit()).as("fleet factor's exit status:\n%s", factor.log()).isZero();
      assertThat(output(dir, "hard")).isEqualTo(EXPECTED);
      assertThat(killed).as("workers SIGKILLed while fleet factor ran").isNotEmpty();
      assertThat(steady.log()).as("log of the worker never killed").contains(UNITS_LINE);
      assertThat(killed)
          .as("killed workers that had worked on units of the number")
          .anyMatch(worker -> worker.log().contains(UNITS_LINE));
    } finally {
      deleteQueues(broker, topology);
    }
  }

  @Test
  void shouldShareAHardNumberBetweenTwoWorkersAndCountTheirUnitsAndRelations(
      BrokerSettings broker, Topology topology, @TempDir Path dir) throws Exception {
    try (FleetLauncher fleet = new FleetLauncher(dir, broker, topology)) {
      List<FleetProcess> workers = fleet.workers("w1", "w2");

      FleetProcess factor = fleet.factor("hard", List.of(N));

      assertThat(factor.awaitExit()).as("fleet factor's exit status:\n%s", factor.log()).isZero();
      assertThat(output(dir, "hard")).isEqualTo(EXPECTED);
      double relations = 0;
      for (FleetProcess worker : workers) {
        String metrics = worker.scrape();
        assertThat(worker.log()).as("log of %s", worker.name()).contains(UNITS_LINE);
        assertThat(meter(metrics, "fleet_units_total"))
            .as("units %s ran", worker.name())
            .isPositive();
        relations += meter(metrics, "fleet_relations_total");
      }
      assertThat(relations).as("relations the workers sent").isPositive();
    } finally {
      deleteQueues(broker, topology);
    }
  }

  /**
   * Waits until the next fault is due: {@code worker} works on units of the number, or {@link
   * #KILL_EVERY} has passed; false once {@code factor} has exited instead.
   */
  private static boolean faultDue(FleetProcess factor, FleetProcess worker)
      throws InterruptedException {
    long due = System.nanoTime() + KILL_EVERY.toNanos();
    while (!factor.exitsWithin(POLL)) {
      if (worker.log().contains(UNITS_LINE) || System.nanoTime() > due) {
        return true;
      }
    }
    return false;
  }

  private static String output(Path dir, String name) throws IOException {
    return Files.readString(dir.resolve(name + ".out"), StandardCharsets.US_ASCII);
  }

  /** The sum of a meter's samples in a Prometheus scrape, whatever their labels; 0 when absent. */
  private static double meter(String scrape, String name) {
    Matcher sample =
        Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*})? (\\S+)$").matcher(scrape);
    double sum = 0;
    while (sample.find()) {
      sum += Double.parseDouble(sample.group(1));
    }
    return sum;
  }

  /**
   * The test's queues, and any other queue named with its prefix that the job left (read with
   * {@code rabbitmqctl} where it is installed, as on the machine running the shared broker).
   */
  private static void deleteQueues(BrokerSettings broker, Topology topology) throws Exception {
    String tasks = topology.taskQueue();
    String prefix = tasks.substring(0, tasks.length() - Topology.DEFAULT_TASK_QUEUE.length());
    List<String> own =
        List.of(topology.taskQueue(), topology.resultQueue(), topology.deadLetterQueue());
    List<String> more = new ArrayList<>();
    for (String queue : queueNames()) {
      if (queue.startsWith(prefix) && !own.contains(queue)) {
        more.add(queue);
      }
    }
    RabbitBroker.deleteQueues(broker, topology, more.toArray(String[]::new));
  }

  private static List<String> queueNames() throws InterruptedException {
    try {
      Process ctl =
          new ProcessBuilder("rabbitmqctl", "-q", "list_queues", "name", "--no-table-headers")
              .redirectErrorStream(true)
              .start();
      String out = new String(ctl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!ctl.waitFor(30, TimeUnit.SECONDS) || ctl.exitValue() != 0) {
        return List.of();
      }
      return out.lines().map(String::strip).toList();
    } catch (IOException notInstalled) {
      return List.of();
    }
  }
}
