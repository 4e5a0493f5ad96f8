package io.factorfleet.metrics;

import com.rabbitmq.client.MetricsCollector;
import com.rabbitmq.client.impl.MicrometerMetricsCollector;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The meters of one Factor Fleet process, in the Prometheus text format: the fleet's own ({@link
 * #fleet()}), the RabbitMQ client's ({@link #rabbitCollector()}) and the JVM's (memory, garbage
 * collection, threads, processor).
 */
public final class PrometheusMetrics implements AutoCloseable {
  /** Prefix of the RabbitMQ client's meters: {@code rabbitmq_published_total} and so on. */
  public static final String RABBITMQ_PREFIX = "rabbitmq";

  /** The label of a worker's meters, its id. */
  public static final String WORKER_TAG = "worker";

  private final PrometheusMeterRegistry registry;
  private final Tags tags;
  private final FleetMetrics fleet;
  private final JvmGcMetrics gcMetrics = new JvmGcMetrics();

  private PrometheusMetrics(FleetMeter.Role role, Tags tags) {
    this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    this.tags = tags;
    this.fleet = new MicrometerFleetMetrics(registry, role, tags);
    new JvmMemoryMetrics().bindTo(registry);
    gcMetrics.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
  }

  /**
   * A worker's meters, each labelled {@code worker=<workerId>}; the fleet's at 0 from the start.
   */
  public static PrometheusMetrics forWorker(String workerId) {
    return new PrometheusMetrics(FleetMeter.Role.WORKER, Tags.of(WORKER_TAG, workerId));
  }

  /** The aggregator service's meters; the fleet's at 0 from the start. */
  public static PrometheusMetrics forAggregator() {
    return new PrometheusMetrics(FleetMeter.Role.AGGREGATOR, Tags.empty());
  }

  /** Where the worker or the aggregator records its events. */
  public FleetMetrics fleet() {
    return fleet;
  }

  /** For {@code ConnectionFactory.setMetricsCollector}: connections, channels, messages. */
  public MetricsCollector rabbitCollector() {
    return new MicrometerMetricsCollector(registry, RABBITMQ_PREFIX, tags);
  }

  /** Every meter, in the Prometheus text exposition format. */
  public String scrape() {
    return registry.scrape();
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  @Override
  public void close() {
    gcMetrics.close();
    registry.close();
  }
}
