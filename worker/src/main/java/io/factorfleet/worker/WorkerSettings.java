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
 * @param taskBudget time one task may take once started; times the prefetch per thread, at most
 *     {@link #MAX_TASK_HOLD}
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
  /**
   * RabbitMQ's default consumer timeout: a delivery left unacknowledged this long is taken back
   * from the consumer, its channel closed.
   */
  public static final Duration BROKER_CONSUMER_TIMEOUT = Duration.ofMinutes(30);

  /**
   * The longest a task may stay unacknowledged in a worker, from its delivery to the confirm of its
   * result: ten minutes below the broker's consumer timeout, for publishing and confirming the
   * result and for the minute at which the broker checks. A worker's threads share the tasks it is
   * sent in delivery order, so a task waits behind at most {@code prefetchPerThread - 1} others per
   * thread, each taking at most the task budget, and then takes its own: it is held at most {@code
   * taskBudget × prefetchPerThread}.
   */
  public static final Duration MAX_TASK_HOLD = Duration.ofMinutes(20);

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
    requireAnsweredBeforeTheBrokerTimesOut(taskBudget, prefetchPerThread);
    requirePositive(drainTimeout, "drain timeout");
    requirePositive(connectPatience, "connect patience");
  }

  /** The broker's prefetch limit for this worker's consumer. */
  public int prefetch() {
    return threads * prefetchPerThread;
  }

  private static void requireAnsweredBeforeTheBrokerTimesOut(
      Duration taskBudget, int prefetchPerThread) {
    Duration held = taskBudget.multipliedBy(prefetchPerThread);
    if (held.compareTo(MAX_TASK_HOLD) <= 0) {
      return;
    }
    long fittingPrefetch = MAX_TASK_HOLD.toNanos() / taskBudget.toNanos();
    throw new IllegalArgumentException(
        "task budget "
            + taskBudget
            + " times prefetch per thread "
            + prefetchPerThread
            + " is "
            + held
            + ", more than the "
            + MAX_TASK_HOLD
            + " a task may be held so that RabbitMQ's "
            + BROKER_CONSUMER_TIMEOUT.toMinutes()
            + "-minute consumer timeout never strikes: lower the task budget to "
            + MAX_TASK_HOLD.dividedBy(prefetchPerThread)
            + (fittingPrefetch >= 1 ? " or the prefetch per thread to " + fittingPrefetch : ""));
  }

  private static void requirePositive(Duration d, String what) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be positive, got " + d);
    }
  }
}
