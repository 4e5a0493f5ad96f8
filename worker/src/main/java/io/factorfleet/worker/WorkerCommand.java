package io.factorfleet.worker;

import io.factorfleet.broker.BrokerUnavailableException;
import io.factorfleet.metrics.MetricsServer;
import io.factorfleet.metrics.PrometheusMetrics;
import io.factorfleet.settings.BrokerOptions;
import io.factorfleet.settings.ConnectOptions;
import io.factorfleet.text.NumberParser;
import io.micrometer.core.instrument.Tags;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code fleet-worker}: runs one worker until asked to stop. */
@Command(
    name = "fleet-worker",
    mixinStandardHelpOptions = true,
    version = "fleet-worker 0.1.0",
    description = "Consumes factoring tasks from RabbitMQ and publishes their results.")
public final class WorkerCommand implements Callable<Integer> {
  /** Exit status when the broker cannot be reached. */
  public static final int BROKER_UNAVAILABLE = 2;

  /** Where a worker serves /metrics and /health unless told otherwise. */
  public static final int DEFAULT_METRICS_PORT = 9400;

  @Spec CommandSpec spec;

  @Mixin BrokerOptions brokerOptions;

  @Option(
      names = "--threads",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Factoring threads; 0 means the processors this JVM may use, which respects container"
              + " CPU limits (env FLEET_THREADS, default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      names = "--prefetch-per-thread",
      paramLabel = "N",
      defaultValue = "2",
      description =
          "Unacknowledged tasks held per thread; the broker's prefetch is threads times this"
              + " (env FLEET_PREFETCH_PER_THREAD, default: ${DEFAULT-VALUE}).")
  int prefetchPerThread;

  @Option(
      names = "--worker-id",
      paramLabel = "ID",
      description =
          "Name of this worker in results and logs (env FLEET_WORKER_ID, default: host name and process id).")
  String workerId;

  @Option(
      names = "--max-digits",
      paramLabel = "N",
      defaultValue = "" + NumberParser.DEFAULT_MAX_DIGITS,
      description = "Longest number factored (env FLEET_MAX_DIGITS, default: ${DEFAULT-VALUE}).")
  int maxDigits;

  @Option(
      names = "--number-budget",
      paramLabel = "DURATION",
      defaultValue = "PT2M",
      description =
          "Time one number may take before its partial factorization is sent, ISO-8601"
              + " (env FLEET_NUMBER_BUDGET, default: ${DEFAULT-VALUE}).")
  Duration numberBudget;

  @Option(
      names = "--task-budget",
      paramLabel = "DURATION",
      defaultValue = "PT10M",
      description =
          "Time one task may take; numbers left when it is spent come back as errors. Times"
              + " --prefetch-per-thread at most PT20M, so that a task waiting behind others is still"
              + " answered within RabbitMQ's 30-minute consumer timeout"
              + " (env FLEET_TASK_BUDGET, default: ${DEFAULT-VALUE}).")
  Duration taskBudget;

  @Option(
      names = "--drain-timeout",
      paramLabel = "DURATION",
      defaultValue = "PT20S",
      description =
          "On stop, time to finish the tasks in hand before handing them back"
              + " (env FLEET_DRAIN_TIMEOUT, default: ${DEFAULT-VALUE}).")
  Duration drainTimeout;

  @Mixin ConnectOptions connectOptions;

  @Option(
      names = "--metrics-port",
      paramLabel = "PORT",
      defaultValue = "" + DEFAULT_METRICS_PORT,
      description =
          "Port of the HTTP server for /metrics (Prometheus) and /health; 0 turns it off"
              + " (env FLEET_METRICS_PORT, default: ${DEFAULT-VALUE}).")
  int metricsPort;

  private final CountDownLatch stopRequested = new CountDownLatch(1);

  /** Asks a running worker to drain and return; safe from any thread, e.g. a signal handler. */
  public void requestStop() {
    stopRequested.countDown();
  }

  WorkerSettings settings() {
    try {
      return new WorkerSettings(
          brokerOptions.broker(),
          brokerOptions.topology(),
          workerId == null || workerId.isBlank() ? defaultWorkerId() : workerId,
          threads == 0 ? Runtime.getRuntime().availableProcessors() : threads,
          prefetchPerThread,
          maxDigits,
          numberBudget,
          taskBudget,
          drainTimeout,
          connectOptions.connectPatience());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    WorkerSettings settings = settings();
    if (metricsPort < 0 || metricsPort > 65535) {
      throw new ParameterException(
          spec.commandLine(), "metrics port must be 0 to 65535, got " + metricsPort);
    }
    try (PrometheusMetrics metrics =
            PrometheusMetrics.create(Tags.of("worker", settings.workerId()));
        Worker worker = Worker.start(settings, metrics.fleet(), metrics.rabbitCollector());
        MetricsServer server =
            metricsPort == 0 ? null : MetricsServer.start(metricsPort, metrics, worker::health)) {
      stopRequested.await();
    } catch (BrokerUnavailableException e) {
      spec.commandLine().getErr().println("fleet-worker: " + e.getMessage());
      return BROKER_UNAVAILABLE;
    }
    return 0;
  }

  private static String defaultWorkerId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "worker";
    }
    return host + "-" + ProcessHandle.current().pid();
  }
}
