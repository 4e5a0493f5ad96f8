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

  private final PrometheusMeterRegistry registry;
  private final Tags tags;
  private final JvmGcMetrics gcMetrics = new JvmGcMetrics();

  private PrometheusMetrics(Tags tags) {
    this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    this.tags = tags;
    new JvmMemoryMetrics().bindTo(registry);
    gcMetrics.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
  }

  /**
   * @param tags put on the fleet's and the RabbitMQ client's meters, e.g. {@code worker=<id>}
   */
  public static PrometheusMetrics create(Tags tags) {
    return new PrometheusMetrics(tags);
  }

  /** Where the worker and the aggregator record their events. */
  public FleetMetrics fleet() {
    return new MicrometerFleetMetrics(registry, tags);
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
