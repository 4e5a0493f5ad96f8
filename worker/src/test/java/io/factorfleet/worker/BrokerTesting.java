package io.factorfleet.worker;

import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.GetResponse;
import io.factorfleet.broker.BrokerSettings;
import io.factorfleet.topology.Topology;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** What the worker's broker tests share: a worker's settings, and waiting for a message. */
final class BrokerTesting {
  static final Duration PATIENCE = Duration.ofSeconds(30);

  private BrokerTesting() {}

  /** A worker {@code w1} with {@code threads} threads and the default prefetch per thread. */
  static WorkerSettings aWorker(BrokerSettings broker, Topology topology, int threads) {
    return new WorkerSettings(
        broker,
        topology,
        "w1",
        threads,
        2,
        100,
        Duration.ofSeconds(30),
        Duration.ofMinutes(5),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10));
  }

  /** Polls {@code get} until it gives a message, for at most {@link #PATIENCE}. */
  static GetResponse awaitMessage(ThrowingSupplier<GetResponse> get) {
    AtomicReference<GetResponse> got = new AtomicReference<>();
    await()
        .atMost(PATIENCE)
        .until(
            () -> {
              got.set(get.get());
              return got.get() != null;
            });
    return got.get();
  }

  interface ThrowingSupplier<T> {
    T get() throws Exception;
  }
}
