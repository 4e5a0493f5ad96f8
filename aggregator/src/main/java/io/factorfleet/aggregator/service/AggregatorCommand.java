package io.factorfleet.aggregator.service;

import io.factorfleet.broker.BrokerUnavailableException;
import io.factorfleet.metrics.MetricsServer;
import io.factorfleet.metrics.PrometheusMetrics;
import io.factorfleet.settings.BrokerOptions;
import io.factorfleet.settings.ConnectOptions;
import io.factorfleet.settings.ServiceOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code fleet-aggregator}: collects submitted jobs' results until asked to stop. */
@Command(
    name = "fleet-aggregator",
    mixinStandardHelpOptions = true,
    version = "fleet-aggregator 0.1.0",
    description = {
      "Collects results of submitted jobs into <data-dir>/<job-id>.txt, and serves them, with"
          + " each job's state, beside /metrics and /health: GET /jobs/<job-id>,"
          + " /jobs/<job-id>/output, /jobs/<job-id>/errors, /jobs/<job-id>/info;"
          + " DELETE /jobs/<job-id>."
    })
public final class AggregatorCommand implements Callable<Integer> {
  /** Exit status when the broker cannot be reached. */
  public static final int BROKER_UNAVAILABLE = ServiceOptions.BROKER_UNAVAILABLE;

  /**
   * Where the service serves /metrics and /health unless told otherwise: next to a worker's 9400,
   * so both can run on one host.
   */
  public static final int DEFAULT_METRICS_PORT = 9401;

  @Spec CommandSpec spec;

  @Mixin BrokerOptions brokerOptions;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = "data",
      description =
          "Where finished jobs are written (env FLEET_DATA_DIR, default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--prefetch",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Unacknowledged results held at once by all consumers together; 0 sizes it to the heap,"
              + " so that even the largest results fit in half of it: 32 for -Xmx256m, at most 256"
              + " (env FLEET_PREFETCH, default: ${DEFAULT-VALUE}).")
  int prefetch;

  @Option(
      names = "--threads",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Consumers of the result queue, each reading and checking results on a thread of its"
              + " own; one more thread writes them. 0 means one per processor"
              + " (env FLEET_THREADS, default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      names = "--keep-for",
      paramLabel = "DURATION",
      defaultValue = "PT0S",
      description =
          "How long a written job is kept, from when it was written; older ones are deleted,"
              + " each with a line in the log. PT0S keeps jobs until deleted with"
              + " fleet result --delete (env FLEET_KEEP_FOR, default: ${DEFAULT-VALUE}).")
  Duration keepFor;

  @Mixin ConnectOptions connectOptions;

  @Mixin ServiceOptions service = new ServiceOptions(DEFAULT_METRICS_PORT);

  /** Asks the running service to stop; safe from any thread, e.g. a signal handler. */
  public void requestStop() {
    service.requestStop();
  }

  AggregatorSettings settings() {
    try {
      return new AggregatorSettings(
          brokerOptions.broker(),
          brokerOptions.topology(),
          dataDir,
          prefetch == 0
              ? AggregatorSettings.prefetchForHeap(Runtime.getRuntime().maxMemory())
              : prefetch,
          connectOptions.connectPatience(),
          threads == 0 ? Runtime.getRuntime().availableProcessors() : threads,
          keepFor);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    AggregatorSettings settings = settings();
    service.metricsPort();
    try (PrometheusMetrics metrics = PrometheusMetrics.forAggregator();
        AggregatorService aggregator =
            AggregatorService.start(settings, metrics.fleet(), metrics.rabbitCollector());
        MetricsServer server = service.startMetricsServer(metrics, aggregator::health)) {
      if (server != null) {
        server.route(ResultsApi.PATH, new ResultsApi(aggregator.spool()));
      }
      service.awaitStop();
    } catch (BrokerUnavailableException e) {
      return service.exit(BROKER_UNAVAILABLE, e);
    }
    return 0;
  }
}
