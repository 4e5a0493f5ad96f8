package io.factorfleet.worker;

import io.factorfleet.broker.BrokerSettings;
import io.factorfleet.topology.Topology;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything a worker needs to know, validated once.
 *
 * @param broker where the broker is
 * @param topology the queues
 * @param workerId how this worker names itself in results and in the broker's connection list
 * @param threads factoring threads
 * @param prefetchPerThread unacknowledged tasks the broker may hand this worker per thread
 * @param maxDigits longest number accepted
 * @param numberBudget time one number may take before a partial result is sent
 * @param taskBudget time one task may take; kept well below the broker's acknowledgement timeout
 * @param drainTimeout on stop, how long to finish the tasks in hand before handing them back
 * @param connectPatience at start, how long to wait for the broker to answer
 */
public record WorkerSettings(
    BrokerSettings broker,
    Topology topology,
    String workerId,
    int threads,
    int prefetchPerThread,
    int maxDigits,
    Duration numberBudget,
    Duration taskBudget,
    Duration drainTimeout,
    Duration connectPatience) {
  /** RabbitMQ closes the channel of a consumer holding a delivery for 30 minutes. */
  public static final Duration MAX_TASK_BUDGET = Duration.ofMinutes(20);

  public WorkerSettings {
    Objects.requireNonNull(broker, "broker");
    Objects.requireNonNull(topology, "topology");
    if (workerId == null || workerId.isBlank()) {
      throw new IllegalArgumentException("worker id must not be blank");
    }
    if (threads < 1 || threads > 1024) {
      throw new IllegalArgumentException("threads must be 1 to 1024, got " + threads);
    }
    if (prefetchPerThread < 1 || prefetchPerThread > 1000) {
      throw new IllegalArgumentException(
          "prefetch per thread must be 1 to 1000, got " + prefetchPerThread);
    }
    if (maxDigits < 1) {
      throw new IllegalArgumentException("max digits must be at least 1, got " + maxDigits);
    }
    requirePositive(numberBudget, "number budget");
    requirePositive(taskBudget, "task budget");
    if (taskBudget.compareTo(MAX_TASK_BUDGET) > 0) {
      throw new IllegalArgumentException(
          "task budget must be at most "
              + MAX_TASK_BUDGET
              + ", below the broker's acknowledgement timeout, got "
              + taskBudget);
    }
    requirePositive(drainTimeout, "drain timeout");
    requirePositive(connectPatience, "connect patience");
  }

  /** The broker's prefetch limit for this worker's consumer. */
  public int prefetch() {
    return threads * prefetchPerThread;
  }

  private static void requirePositive(Duration d, String what) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, got " + d);
    }
  }
}
