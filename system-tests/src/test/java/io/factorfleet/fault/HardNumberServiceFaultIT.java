package io.factorfleet.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.factorfleet.broker.BrokerConnector;
import io.factorfleet.broker.BrokerSettings;
import io.factorfleet.testing.GnuFactor;
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
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hard numbers of {@code fleet submit}, split over two workers by the aggregator service: the
 * service SIGKILLed once relations of the number are spooled, and started again, takes the number
 * up with the relations it had; a hard number submitted while no service runs waits in the result
 * queue until one starts. GNU {@code factor} must be installed, for the small numbers' lines.
 */
@ExtendWith(RabbitBroker.class)
class HardNumberServiceFaultIT {
  /** A balanced semiprime of 65 digits: gp's setrand(65001), as the bench scripts draw it. */
  private static final String P = "91575185092637057423651824205339";

  private static final String Q = "172683376025283417010904107398539";
  private static final String N = new BigInteger(P).multiply(new BigInteger(Q)).toString();

  /** The hard number's place in the job: with tasks of one number, its task. */
  private static final int HARD_TASK = 2;

  private static final List<String> NUMBERS =
      List.of("12", "4567", N, "18446744073709551617", "1000000007");

  /** What the restarted service logs when it takes the sieve up from the spooled answers. */
  private static final Pattern RESUMED =
      Pattern.compile("resuming the sieve with (\\d+) relations");

  /** A spooled answer to a sieve unit that found at least one relation. */
  private static final String RELATION = "\"relations\":[[";

  private static final Duration SPOOL_TIMEOUT = Duration.ofSeconds(90);

  @Test
  void shouldTakeAHardNumberUpWithItsSpooledRelationsAfterTheServiceIsKilled(
      BrokerSettings broker, Topology topology, @TempDir Path dir) throws Exception {
    assumeTrue(GnuFactor.isInstalled(), "GNU factor is not installed");
    Path data = dir.resolve("data");
    try (FleetLauncher fleet = new FleetLauncher(dir, broker, topology)) {
      FleetProcess service = fleet.aggregator("service-1", data);
      fleet.workers("w1", "w2");
      SubmittedJob job = fleet.submit(NUMBERS, 1, data);
      Path relations = data.resolve(".spool").resolve(job.id()).resolve("relations-" + HARD_TASK);

      // WHEN the service is SIGKILLed once an answer with relations is spooled, and started again
      await("relations of the hard number spooled")
          .atMost(SPOOL_TIMEOUT)
          .pollInterval(Duration.ofMillis(200))
          .until(() -> spooledText(relations).contains(RELATION));
      service.kill();
      long spooled = Files.size(relations);
      FleetProcess restarted = fleet.aggregator("service-2", data);
      FaultChecks.awaitCompletion(job, fleet);

      // THEN
      assertThat(job.outputText()).isEqualTo(expected(job.numbers()));
      assertThat(job.errors()).as("errors file of the job").doesNotExist();
      OptionalLong resumedWith = restarted.logged(RESUMED, 1);
      assertThat(resumedWith)
          .as(
              "relations the restarted service resumed the sieve with; its log:\n%s",
              restarted.log())
          .isPresent();
      assertThat(resumedWith.getAsLong()).isPositive();
      System.out.printf(
          "service killed with %,d bytes of answers spooled; restarted, it resumed the sieve with"
              + " %,d relations%n",
          spooled, resumedWith.getAsLong());
      assertThat(relations).as("relation file of the answered number").doesNotExist();
      assertThat(FaultChecks.deadLetterDepth(broker, topology)).isZero();
    } finally {
      RabbitBroker.deleteQueues(broker, topology);
    }
  }

  @Test
  void shouldKeepAHardNumberInTheResultQueueUntilTheServiceStarts(
      BrokerSettings broker, Topology topology, @TempDir Path dir) throws Exception {
    assumeTrue(GnuFactor.isInstalled(), "GNU factor is not installed");
    Path data = dir.resolve("data");
    try (FleetLauncher fleet = new FleetLauncher(dir, broker, topology)) {
      fleet.workers("w1", "w2");

      SubmittedJob job = fleet.submit(List.of("12", N), 1, data);

      assertThat(typesWaiting(broker, topology, 3))
          .as("messages waiting in the result queue while no service runs")
          .contains("fleet.hard-number", "fleet.seal");
      fleet.aggregator("service", data);
      FaultChecks.awaitCompletion(job, fleet);
      assertThat(job.outputText()).isEqualTo(expected(job.numbers()));
    } finally {
      RabbitBroker.deleteQueues(broker, topology);
    }
  }

  /**
   * What GNU {@code factor} prints for {@code numbers}, in their order: its own lines for the small
   * ones, and for the hard one the line it would print, which it takes hours to work out.
   */
  private static String expected(List<String> numbers) throws Exception {
    StringBuilder expected = new StringBuilder();
    for (String number : numbers) {
      expected.append(
          number.equals(N) ? N + ": " + P + " " + Q + "\n" : GnuFactor.output(List.of(number)));
    }
    return expected.toString();
  }

  private static String spooledText(Path relations) throws IOException {
    return Files.exists(relations) ? Files.readString(relations, StandardCharsets.UTF_8) : "";
  }

  /**
   * The AMQP types of up to {@code most} messages in the result queue, read without acknowledging
   * them: they go back to the queue when the channel closes.
   */
  private static List<String> typesWaiting(BrokerSettings broker, Topology topology, int most)
      throws Exception {
    List<String> types = new ArrayList<>();
    try (Connection connection = new BrokerConnector(broker).open("hard number test");
        Channel channel = connection.createChannel()) {
      for (int i = 0; i < most; i++) {
        GetResponse message = channel.basicGet(topology.resultQueue(), false);
        if (message == null) {
          break;
        }
        types.add(message.getProps().getType());
      }
    }
    return types;
  }
}
