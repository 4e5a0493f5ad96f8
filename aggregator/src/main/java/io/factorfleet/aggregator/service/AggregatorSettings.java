package io.factorfleet.aggregator.service;

import io.factorfleet.broker.BrokerSettings;
import io.factorfleet.topology.Topology;
import io.factorfleet.wire.WireCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the aggregator service needs to know, validated once.
 *
 * @param broker where the broker is
 * @param topology the queues; the service consumes the result queue
 * @param dataDir where finished jobs are written
 * @param prefetch unacknowledged replies the broker may send ahead to all consumers together;
 *     {@link #prefetchForHeap} is the default
 * @param connectPatience at start, how long to wait for the broker to answer
 * @param consumers consumers of the result queue, each reading and verifying replies on a thread of
 *     its own
 * @param keepFor how long a written job is kept before it is deleted; {@link Duration#ZERO} keeps
 *     jobs until deleted on request
 */
public record AggregatorSettings(
    BrokerSettings broker,
    Topology topology,
    Path dataDir,
    int prefetch,
    Duration connectPatience,
    int consumers,
    Duration keepFor) {
  /** Settings with one consumer per processor, keeping written jobs until deleted on request. */
  public AggregatorSettings(
      BrokerSettings broker,
      Topology topology,
      Path dataDir,
      int prefetch,
      Duration connectPatience) {
    this(
        broker,
        topology,
        dataDir,
        prefetch,
        connectPatience,
        Runtime.getRuntime().availableProcessors(),
        Duration.ZERO);
  }

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
    if (consumers < 1 || consumers > 256) {
      throw new IllegalArgumentException("consumers must be 1 to 256, got " + consumers);
    }
    if (keepFor == null || keepFor.isNegative()) {
      throw new IllegalArgumentException(
          "keep-for must be 0 (for ever) or positive, got " + keepFor);
    }
  }

  /**
   * Replies the broker may send ahead to each consumer: the prefetch shared between them, so that
   * all of them together hold no more than it, and at least one each.
   */
  public int prefetchPerConsumer() {
    return Math.max(1, prefetch / consumers);
  }

  /** The prefetch when none is chosen, whatever the heap. */
  static final int MAX_DEFAULT_PREFETCH = 256;

  /** The prefetch when none is chosen, however small the heap. */
  static final int MIN_DEFAULT_PREFETCH = 8;

  /**
   * The prefetch that fits a heap of {@code maxHeapBytes}: replies sent ahead take at most half of
   * it even if every one is as large as a message may be. A reply of a 10,000-number task is about
   * 0.5 MB, and of numbers with many small factors up to a few MB; 256 such replies took more than
   * a 256 MB heap. Between {@link #MIN_DEFAULT_PREFETCH} and {@link #MAX_DEFAULT_PREFETCH}: 32 for
   * a 256 MB heap.
   */
  public static int prefetchForHeap(long maxHeapBytes) {
    long fits = maxHeapBytes / 2 / WireCodec.DEFAULT_MAX_BODY_BYTES;
    return (int) Math.max(MIN_DEFAULT_PREFETCH, Math.min(MAX_DEFAULT_PREFETCH, fits));
  }
}
