package io.factorfleet.fault;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Private RabbitMQ nodes joined into one cluster; see {@link PrivateRabbitNode#cluster(int)}. */
public final class PrivateRabbitCluster implements AutoCloseable {
  private static final Duration FORMATION_TIMEOUT = Duration.ofSeconds(60);

  private final List<PrivateRabbitNode> nodes;

  PrivateRabbitCluster(List<PrivateRabbitNode> nodes) {
    this.nodes = List.copyOf(nodes);
  }

  public List<PrivateRabbitNode> nodes() {
    return nodes;
  }

  public PrivateRabbitNode node(int index) {
    return nodes.get(index);
  }

  /** Every node's AMQP URI, comma-separated, as {@code FLEET_AMQP_URI} takes them. */
  public String amqpUris() {
    return nodes.stream()
        .map(PrivateRabbitNode::amqpUri)
        .map(URI::toString)
        .collect(Collectors.joining(","));
  }

  /** Waits until the first node reports every node of the cluster as running. */
  void awaitAllRunning() {
    await("cluster of " + nodes.size() + " formed")
        .atMost(FORMATION_TIMEOUT)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              String running = runningNodesSection(nodes.get(0).ctl("cluster_status").output());
              return nodes.stream().allMatch(n -> running.contains(n.nodeName()));
            });
  }

  /** The "Running Nodes" list of {@code rabbitmqctl cluster_status}, up to the next blank line. */
  private static String runningNodesSection(String output) {
    String status = output.replaceAll("\u001B\\[[0-9;]*m", ""); // the headings are in bold
    String heading = "Running Nodes\n\n";
    int start = status.indexOf(heading);
    if (start < 0) {
      return "";
    }
    int end = status.indexOf("\n\n", start + heading.length());
    return status.substring(start, end < 0 ? status.length() : end);
  }

  /** Stops every node, last first. */
  @Override
  public void close() {
    for (int i = nodes.size() - 1; i >= 0; i--) {
      nodes.get(i).close();
    }
  }
}
