package io.factorfleet.worker;

import io.factorfleet.broker.BrokerUnavailableException;
import io.factorfleet.metrics.Health;
import io.factorfleet.metrics.MetricsServer;
import io.factorfleet.metrics.PrometheusMetrics;
import io.factorfleet.settings.BrokerOptions;
import io.factorfleet.settings.ConnectOptions;
import io.factorfleet.settings.ServiceOptions;
import io.factorfleet.text.NumberParser;
import io.factorfleet.worker.warmup.EngineCheckFailedException;
import io.factorfleet.worker.warmup.WarmUp;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    description = "Consumes factoring tasks from RabbitMQ and publishes their results.",
    exitCodeListHeading = "Exit status:%n",
    exitCodeList = {
      "0:stopped (SIGTERM or SIGINT) after handing back or finishing the tasks in hand",
      "2:RabbitMQ could not be reached",
      "3:the factoring engine answered a number of the warm-up sample wrongly",
      "64:bad command line"
    })
public final class WorkerCommand implements Callable<Integer> {
  /** Exit status when the broker cannot be reached. */
  public static final int BROKER_UNAVAILABLE = ServiceOptions.BROKER_UNAVAILABLE;

  /** Exit status when the engine answered a number of the warm-up sample wrongly. */
  public static final int ENGINE_CHECK_FAILED = 3;

  /** What /health answers, with 503, until the warm-up is done. */
  public static final String WARMING_UP = "warming up";

  private static final Logger log = LoggerFactory.getLogger(WorkerCommand.class);

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

  @Mixin ServiceOptions service = new ServiceOptions(DEFAULT_METRICS_PORT);

  @Option(
      names = "--warm-up",
      paramLabel = "true|false",
      arity = "1",
      defaultValue = "true",
      description =
          "Before taking tasks, factor a built-in sample of every size class on all threads, so"
              + " that the first job runs on compiled code, and check the answers; /health says"
              + " 'warming up' meanwhile (env FLEET_WARM_UP, default: ${DEFAULT-VALUE}).")
  boolean warmUp;

  private final Function<WorkerSettings, WarmUp> warmUps;

  public WorkerCommand() {
    this(settings -> WarmUp.forWorker(settings.workerId(), settings.threads()));
  }

  /**
   * @param warmUps makes the warm-up of a worker of the given settings
   */
  WorkerCommand(Function<WorkerSettings, WarmUp> warmUps) {
    this.warmUps = warmUps;
  }

  /** Asks a running worker to drain and return; safe from any thread, e.g. a signal handler. */
  public void requestStop() {
    service.requestStop();
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
    service.metricsPort();
    AtomicReference<Supplier<Health>> health = new AtomicReference<>(() -> Health.down(WARMING_UP));
    try (PrometheusMetrics metrics = PrometheusMetrics.forWorker(settings.workerId());
        MetricsServer server = service.startMetricsServer(metrics, () -> health.get().get())) {
      if (warmUp) {
        warmUp(settings);
      }
      if (service.isStopRequested()) {
        return 0;
      }
      health.set(() -> Health.down("connecting to RabbitMQ"));
      try (Worker worker = Worker.start(settings, metrics.fleet(), metrics.rabbitCollector())) {
        health.set(worker::health);
        service.awaitStop();
      }
    } catch (BrokerUnavailableException e) {
      return service.exit(BROKER_UNAVAILABLE, e);
    } catch (EngineCheckFailedException e) {
      return service.exit(ENGINE_CHECK_FAILED, e);
    }
    return 0;
  }

  /** Runs the warm-up sample on all threads before the first task, and logs how long it took. */
  private void warmUp(WorkerSettings settings)
      throws EngineCheckFailedException, InterruptedException {
    WarmUp warmUp = warmUps.apply(settings);
    Duration took = warmUp.run(service::isStopRequested);
    if (service.isStopRequested()) {
      return; // cut short
    }
    log.info(
        "warmed up in {} ms: {} numbers of every size the engine handles factored on {} threads"
            + " and checked",
        took.toMillis(),
        warmUp.numbers(),
        settings.threads());
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
