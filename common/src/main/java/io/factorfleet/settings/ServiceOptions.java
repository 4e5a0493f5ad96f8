package io.factorfleet.settings;

import io.factorfleet.metrics.Health;
import io.factorfleet.metrics.MetricsServer;
import io.factorfleet.metrics.PrometheusMetrics;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What every long-running Factor Fleet service shares on its command line: the port of its /metrics
 * and /health server, a stop that a signal handler may request from any thread, and the one line it
 * exits with when it cannot go on. Each service gives its own default port:
 *
 * <pre>{@code
 * @Mixin ServiceOptions service = new ServiceOptions(9400);
 * }</pre>
 */
public final class ServiceOptions {
  /** Exit status when the broker cannot be reached. */
  public static final int BROKER_UNAVAILABLE = 2;

  @Spec(Spec.Target.MIXEE)
  CommandSpec service;

  // No defaultValue: the default is the initial value each service gives, shown in help as such.
  @Option(
      names = "--metrics-port",
      paramLabel = "PORT",
      description =
          "Port of the HTTP server for /metrics (Prometheus) and /health; when it is in use, a"
              + " free port the system chooses, named in a warning; 0 turns the server off"
              + " (env FLEET_METRICS_PORT, default: ${DEFAULT-VALUE}).")
  int metricsPort;

  private final CountDownLatch stopRequested = new CountDownLatch(1);

  /**
   * @param defaultMetricsPort where the service serves /metrics and /health unless told otherwise
   */
  public ServiceOptions(int defaultMetricsPort) {
    this.metricsPort = defaultMetricsPort;
  }

  /** Asks the running service to stop; safe from any thread, e.g. a signal handler. */
  public void requestStop() {
    stopRequested.countDown();
  }

  public boolean isStopRequested() {
    return stopRequested.getCount() == 0;
  }

  /** Waits until a stop is requested. */
  public void awaitStop() throws InterruptedException {
    stopRequested.await();
  }

  /**
   * The metrics port, 0 for none.
   *
   * @throws ParameterException when it is no port
   */
  public int metricsPort() {
    if (metricsPort < 0 || metricsPort > 65535) {
      throw new ParameterException(
          service.commandLine(), "metrics port must be 0 to 65535, got " + metricsPort);
    }
    return metricsPort;
  }

  /** Serves /metrics and /health on the metrics port, or returns null when it is 0. */
  public MetricsServer startMetricsServer(PrometheusMetrics metrics, Supplier<Health> health)
      throws IOException {
    int port = metricsPort();
    return port == 0 ? null : MetricsServer.startPreferring(port, metrics, health);
  }

  /**
   * Reports why the service cannot go on in one line on standard error, and returns {@code status}.
   */
  public int exit(int status, Exception why) {
    service.commandLine().getErr().println(service.name() + ": " + why.getMessage());
    return status;
  }
}
