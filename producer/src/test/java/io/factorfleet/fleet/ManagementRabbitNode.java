package io.factorfleet.fleet;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A RabbitMQ node of its own with the management plugin, started from the installed {@code
 * rabbitmq-server} on spare ports with a directory of its own, so that the broker other tests share
 * is never touched or reconfigured.
 *
 * <p>The node gets its own configuration file, because the system one may claim port 5672; it sets
 * the AMQP and management ports and samples queue statistics every half second. Its directory
 * belongs to the {@code rabbitmq} user, which the server scripts switch to when run as root.
 */
final class ManagementRabbitNode implements AutoCloseable {
  private static final int LOWEST_PORT = 41_000;
  private static final int HIGHEST_PORT = 44_000;
  private static final int DIST_PORT_OFFSET = 20_000;
  private static final int MANAGEMENT_PORT_OFFSET = 1_000;
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration CTL_TIMEOUT = Duration.ofSeconds(60);

  private final String nodeName;
  private final int amqpPort;
  private final Path dir;

  private ManagementRabbitNode(String nodeName, int amqpPort, Path dir) {
    this.nodeName = nodeName;
    this.amqpPort = amqpPort;
    this.dir = dir;
  }

  /** Whether this machine can run a node: {@code rabbitmq-server} and {@code rabbitmqctl}. */
  static boolean canRun() {
    return onPath("rabbitmq-server") && onPath("rabbitmqctl");
  }

  /** Starts a fresh node, {@code st-<random>@localhost}, and waits until it has booted. */
  static ManagementRabbitNode start() throws IOException, InterruptedException {
    String nodeName = "st-" + UUID.randomUUID().toString().substring(0, 6) + "@localhost";
    Path dir = Files.createTempDirectory("ff-status-rabbit-");
    ManagementRabbitNode node = new ManagementRabbitNode(nodeName, spareAmqpPort(), dir);
    try {
      node.boot();
    } catch (IOException | RuntimeException | InterruptedException e) {
      node.close();
      throw e;
    }
    return node;
  }

  /** The guest account, which the broker lets in from localhost. */
  URI amqpUri() {
    return URI.create("amqp://guest:guest@127.0.0.1:" + amqpPort + "/%2F");
  }

  URI managementUri() {
    return URI.create("http://127.0.0.1:" + (amqpPort + MANAGEMENT_PORT_OFFSET));
  }

  /** Stops the node with {@code rabbitmqctl stop} and deletes its directory. */
  @Override
  public void close() throws IOException, InterruptedException {
    try {
      if (Files.exists(dir.resolve("pid"))) {
        // With the pid file, stop returns once the Erlang VM has exited.
        ctl("stop", dir.resolve("pid").toString());
      }
    } finally {
      deleteTree(dir);
    }
  }

  private void boot() throws IOException, InterruptedException {
    writeConfiguration();
    ProcessBuilder server =
        new ProcessBuilder("rabbitmq-server", "-detached")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("server-start.out").toFile());
    server.environment().putAll(serverEnvironment());
    Process starting = server.start();
    if (!starting.waitFor(CTL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      starting.destroyForcibly();
      throw new IOException("rabbitmq-server -detached did not return for " + nodeName);
    }
    // The node registers with epmd some time after the script returns; await_startup fails fast
    // until then, and waits for the boot (plugins included) to finish after.
    await("node " + nodeName + " booted")
        .atMost(START_TIMEOUT)
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> ctl("await_startup", "--timeout", "30") == 0);
  }

  private Map<String, String> serverEnvironment() {
    return Map.ofEntries(
        Map.entry("RABBITMQ_NODENAME", nodeName),
        Map.entry("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1"),
        Map.entry("RABBITMQ_NODE_PORT", Integer.toString(amqpPort)),
        Map.entry("RABBITMQ_DIST_PORT", Integer.toString(amqpPort + DIST_PORT_OFFSET)),
        Map.entry("RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString()),
        Map.entry("RABBITMQ_LOG_BASE", dir.resolve("log").toString()),
        Map.entry("RABBITMQ_PID_FILE", dir.resolve("pid").toString()),
        Map.entry("RABBITMQ_ENABLED_PLUGINS_FILE", dir.resolve("enabled_plugins").toString()),
        Map.entry("RABBITMQ_CONFIG_FILE", dir.resolve("rabbitmq.conf").toString()),
        Map.entry("RABBITMQ_CONF_ENV_FILE", dir.resolve("rabbitmq-env.conf").toString()),
        Map.entry(
            "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "-kernel inet_dist_use_interface {127,0,0,1}"));
  }

  private void writeConfiguration() throws IOException, InterruptedException {
    Files.createDirectories(dir.resolve("mnesia"));
    Files.createDirectories(dir.resolve("log"));
    Files.writeString(
        dir.resolve("rabbitmq.conf"),
        String.join(
            "\n",
            "listeners.tcp.default = 127.0.0.1:" + amqpPort,
            "management.tcp.ip = 127.0.0.1",
            "management.tcp.port = " + (amqpPort + MANAGEMENT_PORT_OFFSET),
            "collect_statistics_interval = 500",
            ""));
    Files.writeString(dir.resolve("rabbitmq-env.conf"), "ERL_EPMD_ADDRESS=127.0.0.1\n");
    Files.writeString(dir.resolve("enabled_plugins"), "[rabbitmq_management].\n");
    Process chown =
        new ProcessBuilder("chown", "-R", "rabbitmq:rabbitmq", dir.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!chown.waitFor(30, TimeUnit.SECONDS) || chown.exitValue() != 0) {
      throw new IOException("chown of " + dir + " to the rabbitmq user failed");
    }
  }

  /** Runs {@code rabbitmqctl -n <this node> args...} and returns its exit status. */
  private int ctl(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("rabbitmqctl", "-n", nodeName));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!process.waitFor(CTL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return -1;
    }
    return process.exitValue();
  }

  /** An AMQP port that is free, with its distribution and management ports free too. */
  private static int spareAmqpPort() throws IOException {
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(LOWEST_PORT, HIGHEST_PORT);
      if (isFree(port)
          && isFree(port + DIST_PORT_OFFSET)
          && isFree(port + MANAGEMENT_PORT_OFFSET)) {
        return port;
      }
    }
    throw new IOException("no free ports found for a RabbitMQ node");
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
