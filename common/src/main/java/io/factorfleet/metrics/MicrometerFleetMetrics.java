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
 * {@code fleet_*}. The meters of the process's role are registered at once, at 0, so that a
 * dashboard's query of a counter that has not counted yet finds 0 rather than nothing; a worker
 * shows no aggregator meters and the other way round.
 */
public final class MicrometerFleetMetrics implements FleetMetrics {
  private final MeterRegistry registry;
  private final Tags tags;

  /** Meters by kind, so that an event finds its meter without building and registering it. */
  private final Map<FleetMeter, Meter> meters = new ConcurrentHashMap<>();

  /** Where the tasks in flight are read; none are until a worker says where. */
  private volatile IntSupplier inFlight = () -> 0;

  /**
   * @param role whose meters are registered from the start
   * @param tags put on every meter, e.g. {@code worker=<id>}
   */
  public MicrometerFleetMetrics(MeterRegistry registry, FleetMeter.Role role, Tags tags) {
    this.registry = registry;
    this.tags = tags;
    FleetMeter.of(role).forEach(this::meter);
  }

  @Override
  public void taskConsumed(Duration queueWait) {
    counter(FleetMeter.TASKS_CONSUMED).increment();
    if (queueWait != null) {
      timer(FleetMeter.TASK_QUEUE_WAIT).record(queueWait.isNegative() ? Duration.ZERO : queueWait);
    }
  }

  @Override
  public void taskAcked() {
    counter(FleetMeter.TASKS_ACKED).increment();
  }

  @Override
  public void taskRequeued() {
    counter(FleetMeter.TASKS_REQUEUED).increment();
  }

  @Override
  public void taskDeadLettered() {
    counter(FleetMeter.TASKS_DEAD_LETTERED).increment();
  }

  @Override
  public void taskFactored(int numbers, Duration factoring) {
    counter(FleetMeter.NUMBERS_FACTORED).increment(numbers);
    timer(FleetMeter.TASK_FACTORING).record(factoring);
  }

  @Override
  public void unitRun(int relations) {
    counter(FleetMeter.UNITS_RUN).increment();
    counter(FleetMeter.RELATIONS_FOUND).increment(relations);
  }

  @Override
  public void tasksInFlight(IntSupplier inFlight) {
    this.inFlight = inFlight;
    meter(FleetMeter.TASKS_IN_FLIGHT);
  }

  @Override
  public void resultRecorded() {
    counter(FleetMeter.RESULTS_RECORDED).increment();
  }

  @Override
  public void duplicateDropped() {
    counter(FleetMeter.RESULTS_DUPLICATES).increment();
  }

  @Override
  public void replyDeadLettered() {
    counter(FleetMeter.REPLIES_DEAD_LETTERED).increment();
  }

  @Override
  public void jobCompleted() {
    counter(FleetMeter.JOBS_COMPLETED).increment();
  }

  private Counter counter(FleetMeter meter) {
    return (Counter) meter(meter);
  }

  private Timer timer(FleetMeter meter) {
    return (Timer) meter(meter);
  }

  private Meter meter(FleetMeter meter) {
    return meters.computeIfAbsent(meter, this::register);
  }

  private Meter register(FleetMeter meter) {
    return switch (meter.kind()) {
      case COUNTER ->
          Counter.builder(meter.meterName())
              .description(meter.description())
              .tags(tags)
              .register(registry);
      case TIMER ->
          Timer.builder(meter.meterName())
              .description(meter.description())
              .tags(tags)
              .publishPercentileHistogram()
              .register(registry);
      case GAUGE -> // the one gauge, of the tasks in flight
          Gauge.builder(meter.meterName(), () -> inFlight.getAsInt())
              .description(meter.description())
              .tags(tags)
              .register(registry);
    };
  }
}
