package io.factorfleet.aggregator.service;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MetricsCollector;
import io.factorfleet.aggregator.Aggregator;
import io.factorfleet.broker.BrokerConnector;
import io.factorfleet.broker.BrokerUnavailableException;
import io.factorfleet.control.ControlChannel;
import io.factorfleet.control.Hosts;
import io.factorfleet.metrics.FleetMetrics;
import io.factorfleet.metrics.Health;
import io.factorfleet.wire.ControlMessage;
import io.factorfleet.wire.ResultMessage;
import io.factorfleet.wire.WireCodec;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code fleet-aggregator} service: collects the results of submitted jobs from the shared
 * result queue into its data directory, and splits their hard numbers over the fleet ({@link
 * ServiceCoordination}), taking up after a restart those it had not answered.
 */
public final class AggregatorService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AggregatorService.class);

  private final AggregatorSettings settings;
  private final Connection connection;
  private final SpoolDirectory spool;
  private final Aggregator aggregator;
  private final GroupCommitConsumer consumer;
  private final ScheduledExecutorService sweeper;
  private final ControlChannel control;
  private final UnitPublisher units;
  private final ServiceCoordination coordination;
  private volatile boolean closed;

  /**
   * The host of a submitted job before its seal, which names it, has come (its command line tells
   * it meanwhile), or whose seal does not.
   */
  static final String UNKNOWN_HOST = "-";

  /** How often jobs older than the keep-for limit are looked for, at most. */
  private static final Duration MAX_SWEEP_INTERVAL = Duration.ofMinutes(1);

  private AggregatorService(
      AggregatorSettings settings, FleetMetrics metrics, Connection connection) throws IOException {
    this.settings = settings;
    this.connection = connection;
    this.spool = new SpoolDirectory(settings.dataDir(), metrics);
    spool.recover();
    settings.topology().declareResultQueue(connection);
    settings.topology().declareTaskQueue(connection); // where the units of hard numbers go
    this.aggregator = new Aggregator(new WireCodec(), spool, metrics);
    this.control = ControlChannel.open(connection, settings.topology(), this::onControl);
    this.units =
        new UnitPublisher(
            connection,
            settings.topology().taskQueue(),
            settings.topology().resultQueue(),
            control);
    this.coordination = new ServiceCoordination(units, spool, control, this::recordAnswer);
    this.consumer =
        new GroupCommitConsumer(
            connection,
            settings.topology().resultQueue(),
            settings.topology().deadLetterQueue(),
            settings.consumers(),
            settings.prefetchPerConsumer(),
            aggregator,
            spool,
            coordination,
            metrics);
    coordination.resume(spool.hardNumbersWaiting());
    this.sweeper = settings.keepFor().isZero() ? null : startSweeper(settings.keepFor());
  }

  /**
   * Answers {@code fleet jobs} for the jobs being collected, cancels a job on {@code fleet cancel}
   * (its hard numbers too), confirming it when the job was being collected, and hears the workers'
   * prefetch, which sizes the units of hard numbers out at once.
   */
  private void onControl(ControlMessage message, String replyTo) throws IOException {
    if (message instanceof ControlMessage.WorkerStatus worker) {
      if (coordination != null) {
        coordination.heard(worker);
      }
    } else if (message instanceof ControlMessage.Query query
        && ControlMessage.Query.JOBS.equals(query.about())
        && replyTo != null) {
      for (SpoolDirectory.RunningJob job : spool.running()) {
        control.reply(
            replyTo,
            new ControlMessage.JobStatus(
                job.job(),
                job.host() == null ? UNKNOWN_HOST : job.host(),
                "submit",
                job.numbersRecorded(),
                job.numbers(),
                job.startedMillis()));
      }
    } else if (message instanceof ControlMessage.Cancel cancel) {
      if (coordination != null) {
        coordination.cancel(cancel.job());
      }
      long recorded = spool.cancel(cancel.job(), cancel.by());
      if (recorded >= 0 && replyTo != null) {
        control.reply(
            replyTo,
            new ControlMessage.Cancelled(
                cancel.job(), "the aggregator service on " + Hosts.local(), recorded));
      }
    }
  }

  /** Records the coordinator's answer to a hard number as its task's result. */
  private void recordAnswer(ResultMessage answer) {
    consumer.recordAnswer(answer);
  }

  /**
   * Deletes written jobs older than {@code keepFor} now and then: every tenth of it, at most every
   * {@link #MAX_SWEEP_INTERVAL}.
   */
  private ScheduledExecutorService startSweeper(Duration keepFor) {
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "keep-for");
              thread.setDaemon(true);
              return thread;
            });
    long every = Math.max(1, Math.min(keepFor.toMillis() / 10, MAX_SWEEP_INTERVAL.toMillis()));
    executor.scheduleWithFixedDelay(
        () -> {
          try {
            spool.deleteOlderThan(keepFor, Instant.now());
          } catch (IOException | RuntimeException e) {
            log.error("could not delete the jobs older than {}", keepFor, e);
          }
        },
        0,
        every,
        TimeUnit.MILLISECONDS);
    return executor;
  }

  /**
   * Connects, declares the result queue, finishes what a crash left and starts consuming; records
   * no metrics.
   */
  public static AggregatorService start(AggregatorSettings settings)
      throws BrokerUnavailableException, IOException, InterruptedException {
    return start(settings, FleetMetrics.NONE, null);
  }

  /**
   * Connects, declares the result queue, finishes what a crash left and starts consuming.
   *
   * @param metrics where the service records what it does
   * @param rabbitCollector where the RabbitMQ client records its own metrics, or null
   */
  public static AggregatorService start(
      AggregatorSettings settings, FleetMetrics metrics, MetricsCollector rabbitCollector)
      throws BrokerUnavailableException, IOException, InterruptedException {
    AggregatorService service =
        new BrokerConnector(settings.broker(), rabbitCollector)
            .openPatiently(
                "fleet-aggregator",
                settings.connectPatience(),
                connection -> new AggregatorService(settings, metrics, connection));
    log.info(
        "aggregator consuming {} at {} with {} consumers, prefetch {} each, writing jobs to {}{}",
        settings.topology().resultQueue(),
        settings.broker().display(),
        settings.consumers(),
        settings.prefetchPerConsumer(),
        settings.dataDir().toAbsolutePath(),
        settings.keepFor().isZero() ? "" : ", keeping them for " + settings.keepFor());
    return service;
  }

  public SpoolDirectory spool() {
    return spool;
  }

  public Aggregator aggregator() {
    return aggregator;
  }

  /** Healthy while connected and consuming the result queue. */
  public Health health() {
    if (closed) {
      return Health.down("stopped");
    }
    if (!connection.isOpen()) {
      return Health.down("not connected to RabbitMQ");
    }
    if (!consumer.isConsuming()) {
      return Health.down("not consuming " + settings.topology().resultQueue());
    }
    return Health.up();
  }

  @Override
  public void close() {
    closed = true;
    if (sweeper != null) {
      sweeper.shutdownNow();
    }
    coordination.close();
    control.close();
    try {
      consumer.close();
    } catch (RuntimeException e) {
      log.debug("consumer close failed: {}", e.toString());
    }
    units.close();
    try {
      connection.close(5_000);
    } catch (IOException | RuntimeException e) {
      connection.abort();
    }
    spool.close();
    log.info(
        "aggregator stopped: {} results recorded, {} duplicates dropped, {} dead-lettered,"
            + " in {} batches",
        aggregator.accepted(),
        aggregator.duplicates(),
        consumer.deadLettered(),
        consumer.batches());
  }
}
