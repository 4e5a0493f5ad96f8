package io.factorfleet.aggregator.service;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MetricsCollector;
import io.factorfleet.aggregator.Aggregator;
import io.factorfleet.aggregator.ReplyConsumer;
import io.factorfleet.broker.BrokerConnector;
import io.factorfleet.broker.BrokerUnavailableException;
import io.factorfleet.metrics.FleetMetrics;
import io.factorfleet.metrics.Health;
import io.factorfleet.wire.WireCodec;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code fleet-aggregator} service: collects the results of submitted jobs from the shared
 * result queue into its data directory.
 */
public final class AggregatorService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AggregatorService.class);

  private final AggregatorSettings settings;
  private final Connection connection;
  private final SpoolDirectory spool;
  private final Aggregator aggregator;
  private final ReplyConsumer consumer;
  private volatile boolean closed;

  private AggregatorService(
      AggregatorSettings settings, FleetMetrics metrics, Connection connection) throws IOException {
    this.settings = settings;
    this.connection = connection;
    this.spool = new SpoolDirectory(settings.dataDir(), metrics);
    spool.recover();
    settings.topology().declareResultQueue(connection);
    this.aggregator = new Aggregator(new WireCodec(), spool, metrics);
    this.consumer =
        new ReplyConsumer(
            connection,
            settings.topology(),
            settings.topology().resultQueue(),
            1,
            settings.prefetch(),
            aggregator,
            metrics);
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
        "aggregator consuming {} at {} with prefetch {}, writing jobs to {}",
        settings.topology().resultQueue(),
        settings.broker().display(),
        settings.prefetch(),
        settings.dataDir().toAbsolutePath());
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
    try {
      consumer.close();
    } catch (RuntimeException e) {
      log.debug("consumer close failed: {}", e.toString());
    }
    try {
      connection.close(5_000);
    } catch (IOException | RuntimeException e) {
      connection.abort();
    }
    log.info(
        "aggregator stopped: {} results recorded, {} duplicates dropped, {} dead-lettered",
        aggregator.accepted(),
        aggregator.duplicates(),
        consumer.deadLettered());
  }
}
