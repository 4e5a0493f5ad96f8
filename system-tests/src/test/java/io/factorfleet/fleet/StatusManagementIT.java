package io.factorfleet.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import io.factorfleet.broker.BrokerConnector;
import io.factorfleet.broker.BrokerSettings;
import io.factorfleet.cli.FleetRun;
import io.factorfleet.fault.PrivateRabbitNode;
import io.factorfleet.testing.RabbitBroker;
import io.factorfleet.topology.Topology;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code fleet status} with RabbitMQ's management API, on a node of its own, and without it, on the
 * shared broker.
 */
@ExtendWith(RabbitBroker.class)
class StatusManagementIT {
  private static final Duration STATISTICS_SAMPLED = Duration.ofSeconds(30);

  private static PrivateRabbitNode node;

  @BeforeAll
  static void startNodeWithManagementApi() throws Exception {
    if (PrivateRabbitNode.canRun()) {
      node = PrivateRabbitNode.startWithManagementApi("st-");
    }
  }

  @AfterAll
  static void stopNode() throws Exception {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void shouldShowCountsConsumersAndJobsInFlightFromTheManagementApi() throws Exception {
    assumeThat(node).as("rabbitmq-server installed to start a node with management").isNotNull();
    BrokerSettings broker = BrokerSettings.parse(node.amqpUri().toString());
    Topology topology = Topology.withPrefix("status.");
    try (Connection connection = new BrokerConnector(broker).open("status test");
        Channel channel = connection.createChannel()) {
      // WHEN three tasks wait, one of them held by a consumer, and two jobs are in flight
      topology.declareTaskQueue(connection);
      topology.declareResultQueue(connection);
      publish(channel, topology.taskQueue(), 3);
      String waiting = topology.declareReplyQueue(channel, "job-waiting");
      String consumed = topology.declareReplyQueue(channel, "job-consumed");
      publish(channel, waiting, 2);
      channel.basicQos(1);
      channel.basicConsume(topology.taskQueue(), false, new DefaultConsumer(channel));
      channel.basicConsume(consumed, false, new DefaultConsumer(channel));
      Map<String, String> environment = new HashMap<>(RabbitBroker.environment(broker, topology));
      environment.put("FLEET_MANAGEMENT_URI", node.managementUri().toString());

      // THEN the table shows them once the API has sampled the queues
      await("status as the management API samples it")
          .atMost(STATISTICS_SAMPLED)
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () -> {
                FleetRun status = FleetRun.of(environment, "", "status");

                assertThat(status.err()).isEmpty();
                assertThat(status.exitCode()).isZero();
                assertThat(status.out())
                    .startsWith(
                        String.format(
                            "%-" + consumed.length() + "s %10s %10s %10s %10s %10s%n",
                            "QUEUE",
                            "READY",
                            "UNACKED",
                            "CONSUMERS",
                            "PUBLISH/S",
                            "DELIVER/S"))
                    .containsPattern(row(topology.taskQueue(), 2, 1, 1))
                    .containsPattern(row(topology.resultQueue(), 0, 0, 0))
                    .containsPattern(row(topology.deadLetterQueue(), 0, 0, 0))
                    .contains("\njobs in flight: 2\n")
                    .containsPattern(row(consumed, 0, 0, 1))
                    .containsPattern(row(waiting, 2, 0, 0));
              });
    }
  }

  @Test
  void shouldShowTheAmqpTableAndSayWhyWhenTheManagementApiDoesNotAnswer(
      BrokerSettings broker, Topology topology) throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    Map<String, String> environment = new HashMap<>(RabbitBroker.environment(broker, topology));
    environment.put("FLEET_MANAGEMENT_URI", "http://someone:secret@127.0.0.1:" + closedPort);
    try (Connection connection = new BrokerConnector(broker).open("status test");
        Channel channel = connection.createChannel()) {
      topology.declareTaskQueue(connection);
      publish(channel, topology.taskQueue(), 2);

      FleetRun status = FleetRun.of(environment, "", "status");

      assertThat(status.exitCode()).isZero();
      assertThat(status.out())
          .startsWith("QUEUE")
          .contains("MESSAGES")
          .containsPattern(Pattern.quote(topology.taskQueue()) + " +2 +0\\n")
          .containsPattern(Pattern.quote(topology.resultQueue()) + " +- +-\\n")
          .doesNotContain("jobs in flight");
      assertThat(status.err())
          .isEqualTo(
              "fleet: RabbitMQ's management API at http://127.0.0.1:"
                  + closedPort
                  + " did not answer (connection refused); rates and jobs in flight are not"
                  + " shown\n");
    } finally {
      RabbitBroker.deleteQueues(broker, topology);
    }
  }

  /** A line of the table: the queue, its counts, and two rates. */
  private static String row(String queue, long ready, long unacked, long consumers) {
    return "(?m)^"
        + Pattern.quote(queue)
        + " +"
        + ready
        + " +"
        + unacked
        + " +"
        + consumers
        + " +\\d+\\.\\d +\\d+\\.\\d$";
  }

  private static void publish(Channel channel, String queue, int messages) throws Exception {
    for (int i = 0; i < messages; i++) {
      channel.basicPublish("", queue, null, ("message " + i).getBytes(StandardCharsets.UTF_8));
    }
  }
}
