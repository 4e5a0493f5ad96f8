package io.factorfleet.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * Records the fleet's events as Micrometer meters named {@code fleet.*}, which Prometheus shows as
 * {@code fleet_*}. Meters are created on first use, so a worker shows no aggregator meters and the
 * other way round.
 */
public final class MicrometerFleetMetrics implements FleetMetrics {
  private final MeterRegistry registry;
  private final Tags tags;

  /** Meters by name, so that an event finds its meter without building and registering it. */
  private final Map<String, Meter> meters = new ConcurrentHashMap<>();

  /**
   * @param tags put on every meter, e.g. {@code worker=<id>}
   */
  public MicrometerFleetMetrics(MeterRegistry registry, Tags tags) {
    this.registry = registry;
    this.tags = tags;
  }

  @Override
  public void taskConsumed(Duration queueWait) {
    counter("fleet.tasks.consumed", "Tasks taken from the task queue").increment();
    if (queueWait != null) {
      timer(
              "fleet.task.queue.wait",
              "Time from a task's publication to its consumption, to the second")
          .record(queueWait.isNegative() ? Duration.ZERO : queueWait);
    }
  }

  @Override
  public void taskAcked() {
    counter("fleet.tasks.acked", "Tasks acknowledged once their reply was confirmed").increment();
  }

  @Override
  public void taskRequeued() {
    counter("fleet.tasks.requeued", "Tasks handed back to the queue").increment();
  }

  @Override
  public void taskDeadLettered() {
    counter("fleet.tasks.dead.lettered", "Tasks moved to the dead-letter queue").increment();
  }

  @Override
  public void taskFactored(int numbers, Duration factoring) {
    counter("fleet.numbers.factored", "Numbers answered").increment(numbers);
    timer("fleet.task.factoring", "Time spent factoring the numbers of one task").record(factoring);
  }

  @Override
  public void tasksInFlight(IntSupplier inFlight) {
    Gauge.builder("fleet.tasks.in.flight", inFlight::getAsInt)
        .description("Tasks taken from the queue and not yet answered")
        .tags(tags)
        .register(registry);
  }

  @Override
  public void resultRecorded() {
    counter("fleet.results.recorded", "Task results verified and recorded").increment();
  }

  @Override
  public void duplicateDropped() {
    counter("fleet.results.duplicates", "Task results dropped as duplicates").increment();
  }

  @Override
  public void replyDeadLettered() {
    counter("fleet.replies.dead.lettered", "Replies moved to the dead-letter queue").increment();
  }

  @Override
  public void jobCompleted() {
    counter("fleet.jobs.completed", "Jobs complete and written out").increment();
  }

  private Counter counter(String name, String description) {
    return (Counter)
        meters.computeIfAbsent(
            name, n -> Counter.builder(n).description(description).tags(tags).register(registry));
  }

  private Timer timer(String name, String description) {
    return (Timer)
        meters.computeIfAbsent(
            name,
            n ->
                Timer.builder(n)
                    .description(description)
                    .tags(tags)
                    .publishPercentileHistogram()
                    .register(registry));
  }
}
