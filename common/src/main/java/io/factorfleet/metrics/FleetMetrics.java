package io.factorfleet.metrics;

import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * What the worker and the aggregator tell the outside world about their work. The transport code
 * calls it at each event and knows nothing of how, or whether, the events are recorded; {@link
 * NoOpFleetMetrics} is the default, {@link MicrometerFleetMetrics} feeds Prometheus.
 */
public interface FleetMetrics {
  /** The default: records nothing. */
  FleetMetrics NONE = new NoOpFleetMetrics();

  /**
   * A worker took a task from the queue.
   *
   * @param queueWait how long it waited there since it was published, or null when unknown
   */
  void taskConsumed(Duration queueWait);

  /** A worker acknowledged a task: its result, or its dead letter, was confirmed. */
  void taskAcked();

  /** A worker handed a task back to the queue for another try. */
  void taskRequeued();

  /** A worker moved a task nobody can process to the dead-letter queue. */
  void taskDeadLettered();

  /**
   * A worker factored the numbers of one task.
   *
   * @param numbers how many numbers the task held
   * @param factoring time spent factoring them
   */
  void taskFactored(int numbers, Duration factoring);

  /** Where to read how many tasks a worker holds right now. */
  void tasksInFlight(IntSupplier inFlight);

  /** A unit of a hard number run, and the relations it found. */
  void unitRun(int relations);

  /** The aggregator recorded the result of a task. */
  void resultRecorded();

  /** The aggregator dropped a result it had recorded before. */
  void duplicateDropped();

  /** The aggregator moved a reply it cannot read or place to the dead-letter queue. */
  void replyDeadLettered();

  /** The aggregator wrote out a complete job. */
  void jobCompleted();
}
