package io.factorfleet.fault;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A RabbitMQ node of its own, started from the installed {@code rabbitmq-server} on spare ports
 * with a data directory of its own, so that fault tests can stop, kill and restart it without
 * touching any other broker on the machine.
 *
 * <p>The node gets its own configuration file (the system one may claim port 5672), its own
 * environment file and an enabled-plugins file of its own: empty, so no management listener on
 * 15672, or with the management plugin on a spare port of its own for tests of its API. Its
 * directories belong to the {@code rabbitmq} user, which the server scripts switch to when run as
 * root; nodes started by the same user share the Erlang cookie, which clustering needs.
 */
public final class PrivateRabbitNode implements AutoCloseable {
  private static final String HOST = "localhost";
  private static final int DIST_PORT_OFFSET = 20_000;
  private static final int MANAGEMENT_PORT_OFFSET = 1_000;
  private static final int LOWEST_PORT = 21_000;
  private static final int HIGHEST_PORT = 40_000;
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration CTL_TIMEOUT = Duration.ofSeconds(120);

  private final String nodeName;
  private final int amqpPort;
  private final Path dir;
  private final boolean managementApi;
  private long pid = -1;

  private PrivateRabbitNode(String shortName, int amqpPort, Path dir, boolean managementApi) {
    this.nodeName = shortName + "@" + HOST;
    this.amqpPort = amqpPort;
    this.dir = dir;
    this.managementApi = managementApi;
  }

  /** Whether this machine can run a node: {@code rabbitmq-server} and {@code rabbitmqctl}. */
  public static boolean canRun() {
    String path = System.getenv().getOrDefault("PATH", "");
    return Arrays.stream(path.split(File.pathSeparator))
            .anyMatch(d -> Files.isExecutable(Path.of(d, "rabbitmq-server")))
        && Arrays.stream(path.split(File.pathSeparator))
            .anyMatch(d -> Files.isExecutable(Path.of(d, "rabbitmqctl")));
  }

  /** Starts a fresh node named {@code <prefix><random>@localhost} on spare ports. */
  public static PrivateRabbitNode start(String prefix) throws IOException, InterruptedException {
    return started(create(prefix, false));
  }

  /**
   * Starts a fresh node with the management plugin, its HTTP API on {@link #managementUri()}, and
   * queue statistics sampled every half second.
   */
  public static PrivateRabbitNode startWithManagementApi(String prefix)
      throws IOException, InterruptedException {
    return started(create(prefix, true));
  }

  private static PrivateRabbitNode started(PrivateRabbitNode node)
      throws IOException, InterruptedException {
    try {
      node.start();
    } catch (IOException | RuntimeException | InterruptedException | Error e) {
      node.close();
      throw e;
    }
    return node;
  }

  /**
   * Starts {@code size} nodes and joins them into one cluster; returns once every node reports all
   * of them running.
   */
  public static PrivateRabbitCluster cluster(int size) throws IOException, InterruptedException {
    List<PrivateRabbitNode> nodes = new ArrayList<>();
    try {
      for (int i = 0; i < size; i++) {
        nodes.add(start("ffc" + i + "-"));
      }
      PrivateRabbitNode seed = nodes.get(0);
      for (PrivateRabbitNode node : nodes.subList(1, size)) {
        node.joinCluster(seed);
      }
      PrivateRabbitCluster cluster = new PrivateRabbitCluster(nodes);
      cluster.awaitAllRunning();
      return cluster;
    } catch (IOException | RuntimeException | InterruptedException | Error e) {
      for (PrivateRabbitNode node : nodes) {
        node.close();
      }
      throw e;
    }
  }

  private static PrivateRabbitNode create(String prefix, boolean managementApi) throws IOException {
    String shortName = prefix + UUID.randomUUID().toString().substring(0, 6);
    Path dir = Files.createTempDirectory("ff-rabbit-" + shortName + "-");
    return new PrivateRabbitNode(shortName, spareAmqpPort(managementApi), dir, managementApi);
  }

  public String nodeName() {
    return nodeName;
  }

  public int amqpPort() {
    return amqpPort;
  }

  /** The guest account, which the broker lets in from localhost. */
  public URI amqpUri() {
    return URI.create("amqp://guest:guest@127.0.0.1:" + amqpPort + "/%2F");
  }

  /** The management plugin's HTTP API, on a node started with it. */
  public URI managementUri() {
    if (!managementApi) {
      throw new IllegalStateException(nodeName + " runs without the management plugin");
    }
    return URI.create("http://127.0.0.1:" + (amqpPort + MANAGEMENT_PORT_OFFSET));
  }

  public boolean isRunning() {
    return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** Starts the node, keeping whatever its data directory holds, and waits until it has booted. */
  public void start() throws IOException, InterruptedException {
    if (isRunning()) {
      return;
    }
    writeConfiguration();
    ProcessBuilder server =
        new ProcessBuilder("rabbitmq-server", "-detached").redirectErrorStream(true);
    server.environment().putAll(serverEnvironment());
    server.redirectOutput(dir.resolve("server-start.out").toFile());
    Process starting = server.start();
    if (!starting.waitFor(CTL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      starting.destroyForcibly();
      throw new IOException("rabbitmq-server -detached did not return for " + nodeName);
    }
    // The node registers with epmd some time after the script returns; await_startup fails fast
    // until then, and waits for the boot to finish after.
    await("node " + nodeName + " booted")
        .atMost(START_TIMEOUT)
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .until(() -> ctl("await_startup", "--timeout", "30").succeeded());
    pid = Long.parseLong(Files.readString(dir.resolve("pid")).trim());
  }

  /** Stops the node gracefully and waits for its Erlang VM to exit. */
  public void stop() throws IOException, InterruptedException {
    if (!isRunning()) {
      return;
    }
    CtlResult stopped = ctl("stop");
    if (!stopped.succeeded()) {
      throw new IOException("rabbitmqctl stop failed for " + nodeName + ": " + stopped.output());
    }
    awaitExit(STOP_TIMEOUT);
  }

  /** Kills the node's Erlang VM with SIGKILL, as a power cut or an OOM killer would. */
  public void kill() {
    if (!isRunning()) {
      return;
    }
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    awaitExit(STOP_TIMEOUT);
  }

  /** Stops and starts the node with the same name, ports and data. */
  public void restart() throws IOException, InterruptedException {
    stop();
    start();
  }

  /** Makes this running node a member of {@code seed}'s cluster. */
  public void joinCluster(PrivateRabbitNode seed) throws IOException, InterruptedException {
    require(ctl("stop_app"), "stop_app");
    require(ctl("reset"), "reset");
    require(ctl("join_cluster", seed.nodeName), "join_cluster " + seed.nodeName);
    require(ctl("start_app"), "start_app");
    require(ctl("await_startup", "--timeout", "60"), "await_startup");
  }

  /** Runs {@code rabbitmqctl -n <this node> args...}. */
  public CtlResult ctl(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("rabbitmqctl", "-n", nodeName));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "ctl-", ".out");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .start();
      if (!process.waitFor(CTL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new CtlResult(-1, "rabbitmqctl " + String.join(" ", args) + " timed out");
      }
      return new CtlResult(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
    }
  }

  /** The node's log, for failure messages. */
  public Optional<String> logTail(int maxChars) {
    try {
      String log = Files.readString(dir.resolve("log").resolve(nodeName + ".log"));
      return Optional.of(log.substring(Math.max(0, log.length() - maxChars)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Stops the node (killing it if it will not stop) and deletes its directory. */
  @Override
  public void close() {
    try {
      stop();
    } catch (IOException | RuntimeException e) {
      kill();
    } catch (InterruptedException e) {
      kill();
      Thread.currentThread().interrupt();
    }
    try {
      TempFiles.deleteTree(dir);
    } catch (IOException e) {
      // a temp directory left behind is no reason to fail a test
    }
  }

  private void awaitExit(Duration timeout) {
    await("node " + nodeName + " exited").atMost(timeout).until(() -> !isRunning());
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

  private void writeConfiguration() throws IOException {
    Files.createDirectories(dir.resolve("mnesia"));
    Files.createDirectories(dir.resolve("log"));
    // The system configuration may bind 5672; this node listens on its own port only.
    String listener = "listeners.tcp.default = 127.0.0.1:" + amqpPort + "\n";
    String management =
        "management.tcp.ip = 127.0.0.1\n"
            + "management.tcp.port = "
            + (amqpPort + MANAGEMENT_PORT_OFFSET)
            + "\ncollect_statistics_interval = 500\n";
    Files.writeString(
        dir.resolve("rabbitmq.conf"), managementApi ? listener + management : listener);
    Files.writeString(dir.resolve("rabbitmq-env.conf"), "ERL_EPMD_ADDRESS=127.0.0.1\n");
    Files.writeString(
        dir.resolve("enabled_plugins"), managementApi ? "[rabbitmq_management].\n" : "[].\n");
    ProcessBuilder chown =
        new ProcessBuilder("chown", "-R", "rabbitmq:rabbitmq", dir.toString())
            .redirectErrorStream(true);
    Process process = chown.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IOException("chown of " + dir + " to rabbitmq failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while handing " + dir + " to rabbitmq", e);
    }
  }

  private void require(CtlResult result, String what) throws IOException {
    if (!result.succeeded()) {
      throw new IOException(
          "rabbitmqctl -n " + nodeName + " " + what + " failed: " + result.output().trim());
    }
  }

  /**
   * An AMQP port that is free, with its distribution port ({@code +20000}) and, when asked for, its
   * management port ({@code +1000}) free too.
   */
  private static int spareAmqpPort(boolean managementApi) throws IOException {
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(LOWEST_PORT, HIGHEST_PORT);
      if (isFree(port)
          && isFree(port + DIST_PORT_OFFSET)
          && (!managementApi || isFree(port + MANAGEMENT_PORT_OFFSET))) {
        return port;
      }
    }
    throw new IOException("no free pair of ports found for a RabbitMQ node");
  }

  private static boolean isFree(int port) {
    try (ServerSocket any = new ServerSocket()) {
      any.setReuseAddress(false);
      any.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** What a {@code rabbitmqctl} call printed, and its exit status. */
  public record CtlResult(int exitCode, String output) {
    public boolean succeeded() {
      return exitCode == 0;
    }
  }
}
