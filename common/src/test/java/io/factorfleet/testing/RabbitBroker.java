package io.factorfleet.testing;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.factorfleet.broker.BrokerConnector;
import io.factorfleet.broker.BrokerSettings;
import io.factorfleet.topology.Topology;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.RabbitMQContainer;

/**
 * Gives integration tests a RabbitMQ broker, chosen once per test run, first that answers:
 *
 * <ol>
 *   <li>{@code FLEET_TEST_AMQP_URI}, when set;
 *   <li>a Testcontainers {@code rabbitmq} container, when Docker is available;
 *   <li>a broker on localhost:5672 with the default guest account.
 * </ol>
 *
 * Otherwise the test fails, saying how to provide one. Tests share the broker, so each takes a
 * {@link Topology} with queue names of its own.
 */
public final class RabbitBroker implements ParameterResolver {
  public static final String URI_VARIABLE = "FLEET_TEST_AMQP_URI";
  private static final String IMAGE = "rabbitmq:4-management";
  private static final String LOCAL_URI = "amqp://guest:guest@localhost:5672/%2F";

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == BrokerSettings.class || type == Topology.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (parameter.getParameter().getType() == Topology.class) {
      return Topology.withPrefix("test-" + UUID.randomUUID().toString().substring(0, 8) + ".");
    }
    return context
        .getRoot()
        .getStore(ExtensionContext.Namespace.create(RabbitBroker.class))
        .getOrComputeIfAbsent("broker", key -> new Started(locate()), Started.class)
        .settings;
  }

  private static BrokerSettings locate() {
    String configured = System.getenv(URI_VARIABLE);
    if (configured != null && !configured.isBlank()) {
      return BrokerSettings.parse(configured);
    }
    if (dockerAvailable()) {
      RabbitMQContainer container = new RabbitMQContainer(IMAGE);
      container.start();
      return BrokerSettings.parse(container.getAmqpUrl());
    }
    if (answers("localhost", 5672)) {
      return BrokerSettings.parse(LOCAL_URI);
    }
    throw new ParameterResolutionException(
        "These tests need RabbitMQ: set "
            + URI_VARIABLE
            + "=amqp://user:pass@host:port/vhost, start Docker so Testcontainers can run "
            + IMAGE
            + ", or run a broker on localhost:5672 (Debian: apt-get install rabbitmq-server &&"
            + " rabbitmq-server -detached).");
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  private static boolean answers(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 2_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The environment that points a Factor Fleet program at this broker and topology. */
  public static Map<String, String> environment(BrokerSettings broker, Topology topology) {
    return Map.of(
        "FLEET_AMQP_URI",
        broker.uris().stream().map(URI::toString).collect(Collectors.joining(",")),
        "FLEET_TASK_QUEUE",
        topology.taskQueue(),
        "FLEET_RESULT_QUEUE",
        topology.resultQueue(),
        "FLEET_DEAD_LETTER_QUEUE",
        topology.deadLetterQueue());
  }

  /**
   * Deletes a test's queues, its workers' retry queues too; run it after the test so the shared
   * broker stays clean.
   */
  public static void deleteQueues(BrokerSettings broker, Topology topology, String... more)
      throws Exception {
    try (Connection connection = new BrokerConnector(broker).open("test cleanup")) {
      for (String queue :
          concat(
              new String[] {
                topology.taskQueue(), topology.resultQueue(), topology.deadLetterQueue()
              },
              more)) {
        try (Channel channel = connection.createChannel()) {
          channel.queueDelete(queue);
        }
      }
    }
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  /** Holds the broker for the run; a container, if any, is stopped when the run ends. */
  private record Started(BrokerSettings settings) {}
}
