package io.factorfleet.aggregator.service;

import io.factorfleet.broker.BrokerSettings;
import io.factorfleet.topology.Topology;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the aggregator service needs to know, validated once.
 *
 * @param broker where the broker is
 * @param topology the queues; the service consumes the result queue
 * @param dataDir where finished jobs are written
 * @param prefetch unacknowledged replies the broker may send ahead
 * @param connectPatience at start, how long to wait for the broker to answer
 */
public record AggregatorSettings(
    BrokerSettings broker,
    Topology topology,
    Path dataDir,
    int prefetch,
    Duration connectPatience) {
  public AggregatorSettings {
    Objects.requireNonNull(broker, "broker");
    Objects.requireNonNull(topology, "topology");
    Objects.requireNonNull(dataDir, "data directory");
    if (prefetch < 1 || prefetch > 65535) {
      throw new IllegalArgumentException("prefetch must be 1 to 65535, got " + prefetch);
    }
    if (connectPatience == null || connectPatience.isNegative() || connectPatience.isZero()) {
      throw new IllegalArgumentException("connect patience must be positive");
    }
  }
}
