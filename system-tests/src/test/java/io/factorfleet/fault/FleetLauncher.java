package io.factorfleet.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.factorfleet.broker.BrokerSettings;
import io.factorfleet.testing.RabbitBroker;
import io.factorfleet.topology.Topology;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts Factor Fleet's programs from the jars the build packaged, as processes of their own,
 * pointed at one broker and topology; {@link #close()} kills whatever is still running.
 */
public final class FleetLauncher implements AutoCloseable {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC");

  private final Path workDir;
  private final Map<String, String> environment;
  private final List<FleetProcess> started = new ArrayList<>();
  private int submissions;

  /**
   * @param workDir where logs and inputs go
   * @param broker the broker, one URI or several for a cluster
   * @param topology the queue names every program is given
   */
  public FleetLauncher(Path workDir, BrokerSettings broker, Topology topology) {
    this.workDir = workDir;
    this.environment = new HashMap<>(RabbitBroker.environment(broker, topology));
    // Scenarios start and restart many workers side by side on a small machine; the warm-up is
    // tested where a worker is started alone.
    environment.put("FLEET_WARM_UP", "false");
  }

  /** A worker with one factoring thread, once it consumes the task queue. */
  public FleetProcess worker(String id) throws IOException {
    return workers(id).get(0);
  }

  /**
   * Workers started all at once, returned once every one of them consumes: JVMs starting side by
   * side rather than one after the other, so that a job is still running when they are all up.
   */
  public List<FleetProcess> workers(String... ids) throws IOException {
    List<FleetProcess> started = new ArrayList<>();
    for (String id : ids) {
      started.add(startWorker(id));
    }
    for (FleetProcess worker : started) {
      awaitConsuming(worker);
    }
    return started;
  }

  /**
   * A worker with one factoring thread, returned at once: it starts while the job goes on, as a
   * container that {@code docker compose} brings back does.
   */
  public FleetProcess startWorker(String id) throws IOException {
    return start(id, FleetJars.worker(), List.of("--threads", "1", "--worker-id", id));
  }

  /** Waits until {@code worker} consumes the task queue; fails if it exits first. */
  public static FleetProcess awaitConsuming(FleetProcess worker) {
    return worker.awaitLog("consuming", READY_TIMEOUT);
  }

  /** The aggregator service writing to {@code dataDir}, once it consumes the result queue. */
  public FleetProcess aggregator(String id, Path dataDir) throws IOException {
    return start(id, FleetJars.aggregator(), List.of("--data-dir", dataDir.toString()))
        .awaitLog("aggregator consuming", READY_TIMEOUT);
  }

  /**
   * The aggregator service writing to {@code dataDir} and serving on {@code metricsPort}, once it
   * consumes the result queue: a service started again on the same port, as compose restarts it.
   */
  public FleetProcess aggregator(String id, Path dataDir, int metricsPort) throws IOException {
    return start(id, FleetJars.aggregator(), List.of("--data-dir", dataDir.toString()), metricsPort)
        .awaitLog("aggregator consuming", READY_TIMEOUT);
  }

  /**
   * Submits {@code numbers} with {@code fleet submit}, in tasks of {@code chunkSize}, and returns
   * the job once the broker has confirmed all of it.
   */
  public SubmittedJob submit(List<String> numbers, int chunkSize, Path dataDir)
      throws IOException, InterruptedException {
    String name = "submit-" + ++submissions;
    Path input = workDir.resolve(name + ".in");
    Files.writeString(input, String.join("\n", numbers) + "\n", StandardCharsets.US_ASCII);
    Path out = workDir.resolve(name + ".out");
    ProcessBuilder builder =
        command(FleetJars.fleet(), List.of("submit", "--chunk-size", Integer.toString(chunkSize)))
            .redirectInput(input.toFile())
            .redirectOutput(out.toFile())
            .redirectError(workDir.resolve(name + ".err").toFile());
    FleetProcess submit =
        new FleetProcess(name, builder.start(), workDir.resolve(name + ".err"), 0);
    started.add(submit);
    int status = submit.awaitExit();
    assertThat(status).as("fleet submit exit status; it said: %s", submit.log()).isZero();
    String job = Files.readString(out, StandardCharsets.US_ASCII).trim();
    assertThat(job).as("job id printed by fleet submit").matches("[0-9a-f-]{36}");
    return new SubmittedJob(job, numbers, (numbers.size() + chunkSize - 1) / chunkSize, dataDir);
  }

  /**
   * {@code fleet factor} of {@code numbers} with {@code options}, returned at once: its standard
   * output goes to {@code <name>.out}, its standard error to the process's log.
   */
  public FleetProcess factor(String name, List<String> numbers, String... options)
      throws IOException {
    Path input = workDir.resolve(name + ".in");
    Files.writeString(input, String.join("\n", numbers) + "\n", StandardCharsets.US_ASCII);
    List<String> args = new ArrayList<>(List.of("factor"));
    args.addAll(List.of(options));
    Path log = workDir.resolve(name + ".log");
    ProcessBuilder builder =
        command(FleetJars.fleet(), args)
            .redirectInput(input.toFile())
            .redirectOutput(workDir.resolve(name + ".out").toFile())
            .redirectError(log.toFile());
    FleetProcess factor = new FleetProcess(name, builder.start(), log, 0);
    started.add(factor);
    return factor;
  }

  private FleetProcess start(String name, Path jar, List<String> args) throws IOException {
    return start(name, jar, args, sparePort());
  }

  private FleetProcess start(String name, Path jar, List<String> args, int metricsPort)
      throws IOException {
    Path log = workDir.resolve(name + ".log");
    ProcessBuilder builder =
        command(jar, args)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    // Each service serves /health on a port of its own, so several run side by side.
    builder.environment().put("FLEET_METRICS_PORT", Integer.toString(metricsPort));
    FleetProcess process = new FleetProcess(name, builder.start(), log, metricsPort);
    started.add(process);
    return process;
  }

  private ProcessBuilder command(Path jar, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(FleetJars.java().toString());
    command.addAll(JVM_OPTIONS);
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.environment().keySet().removeIf(key -> key.startsWith("FLEET_"));
    builder.environment().putAll(environment);
    return builder;
  }

  /** A port no process listens on right now. */
  public static int sparePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Each process started here, whether it runs, and the end of its log: for failure messages. */
  public String describe() {
    StringBuilder text = new StringBuilder();
    for (FleetProcess process : started) {
      String log = process.log();
      text.append("--- ")
          .append(process.name())
          .append(process.isAlive() ? " (running)" : " (exited)")
          .append(":\n")
          .append(log, Math.max(0, log.length() - 3_000), log.length())
          .append('\n');
    }
    return text.toString();
  }

  /** Kills every process started here that is still running. */
  @Override
  public void close() {
    for (FleetProcess process : started) {
      process.destroyIfAlive();
    }
  }
}
