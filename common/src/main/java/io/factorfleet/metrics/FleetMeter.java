package io.factorfleet.metrics;

import java.util.Arrays;
import java.util.List;

/**
 * Every meter of the fleet's own, with the process that records it. Each is registered when its
 * process starts, so that Prometheus sees it from the first scrape, at 0, rather than from the
 * first event it counts.
 */
public enum FleetMeter {
  TASKS_CONSUMED(
      Kind.COUNTER, Role.WORKER, "fleet.tasks.consumed", "Tasks taken from the task queue"),
  TASKS_ACKED(
      Kind.COUNTER,
      Role.WORKER,
      "fleet.tasks.acked",
      "Tasks acknowledged once their reply was confirmed"),
  TASKS_REQUEUED(
      Kind.COUNTER, Role.WORKER, "fleet.tasks.requeued", "Tasks handed back to the queue"),
  TASKS_DEAD_LETTERED(
      Kind.COUNTER,
      Role.WORKER,
      "fleet.tasks.dead.lettered",
      "Tasks moved to the dead-letter queue"),
  NUMBERS_FACTORED(Kind.COUNTER, Role.WORKER, "fleet.numbers.factored", "Numbers answered"),
  TASK_FACTORING(
      Kind.TIMER,
      Role.WORKER,
      "fleet.task.factoring",
      "Time spent factoring the numbers of one task"),
  TASK_QUEUE_WAIT(
      Kind.TIMER,
      Role.WORKER,
      "fleet.task.queue.wait",
      "Time from a task's publication to its consumption, to the second"),
  TASKS_IN_FLIGHT(
      Kind.GAUGE,
      Role.WORKER,
      "fleet.tasks.in.flight",
      "Tasks taken from the queue and not yet answered"),
  UNITS_RUN(
      Kind.COUNTER,
      Role.WORKER,
      "fleet.units",
      "Units of hard numbers run (ECM curves or sieve A coefficients)"),
  RELATIONS_FOUND(
      Kind.COUNTER, Role.WORKER, "fleet.relations", "Sieve relations found by the units run"),
  RESULTS_RECORDED(
      Kind.COUNTER,
      Role.AGGREGATOR,
      "fleet.results.recorded",
      "Task results verified and recorded"),
  RESULTS_DUPLICATES(
      Kind.COUNTER,
      Role.AGGREGATOR,
      "fleet.results.duplicates",
      "Task results dropped as duplicates"),
  REPLIES_DEAD_LETTERED(
      Kind.COUNTER,
      Role.AGGREGATOR,
      "fleet.replies.dead.lettered",
      "Replies moved to the dead-letter queue"),
  JOBS_COMPLETED(
      Kind.COUNTER, Role.AGGREGATOR, "fleet.jobs.completed", "Jobs complete and written out");

  /** What a meter measures, which decides its Prometheus name. */
  public enum Kind {
    COUNTER,
    TIMER,
    GAUGE
  }

  /** The process that records a meter. */
  public enum Role {
    WORKER,
    AGGREGATOR
  }

  private final Kind kind;
  private final Role role;
  private final String name;
  private final String description;

  FleetMeter(Kind kind, Role role, String name, String description) {
    this.kind = kind;
    this.role = role;
    this.name = name;
    this.description = description;
  }

  /** The meters a process of {@code role} records. */
  public static List<FleetMeter> of(Role role) {
    return Arrays.stream(values()).filter(meter -> meter.role == role).toList();
  }

  public Kind kind() {
    return kind;
  }

  public Role role() {
    return role;
  }

  /** The Micrometer name, such as {@code fleet.tasks.consumed}. */
  public String meterName() {
    return name;
  }

  public String description() {
    return description;
  }

  /**
   * The name Prometheus shows: {@code fleet_tasks_consumed_total} for a counter, {@code
   * fleet_task_factoring_seconds} (with {@code _count}, {@code _sum}, {@code _bucket}) for a timer.
   */
  public String prometheusName() {
    String base = name.replace('.', '_');
    return switch (kind) {
      case COUNTER -> base + "_total";
      case TIMER -> base + "_seconds";
      case GAUGE -> base;
    };
  }
}
