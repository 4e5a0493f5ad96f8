package io.factorfleet.control;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The fleet's capacity as its workers tell it: the sum of the prefetch of every worker heard from
 * recently. A job keeps about that many tasks in flight, so that alone it keeps every worker busy,
 * while the queue behind a newcomer's tasks holds no more than that per job.
 */
public final class FleetCapacity {
  /** A worker not heard from for this long is taken as gone. */
  public static final Duration FORGET_AFTER = Duration.ofSeconds(6);

  /** The smallest window a job gets, with no worker heard from yet. */
  public static final int MIN_WINDOW = 2;

  private final Map<String, Heard> workers = new HashMap<>();

  /**
   * Records that {@code worker} takes up to {@code prefetch} tasks at once, as of {@code nanos}.
   */
  public synchronized void heard(String worker, int prefetch, long nanos) {
    workers.put(worker, new Heard(Math.max(0, prefetch), nanos));
  }

  /** The prefetch of every worker heard from within {@link #FORGET_AFTER} of {@code nanos}. */
  public synchronized int prefetch(long nanos) {
    long total = 0;
    var it = workers.values().iterator();
    while (it.hasNext()) {
      Heard heard = it.next();
      if (nanos - heard.nanos() > FORGET_AFTER.toNanos()) {
        it.remove();
      } else {
        total += heard.prefetch();
      }
    }
    return (int) Math.min(Integer.MAX_VALUE, total);
  }

  /**
   * The tasks one job keeps in flight: the fleet's prefetch, at least {@link #MIN_WINDOW}, at most
   * {@code maxInFlight}.
   */
  public static int window(int prefetch, int maxInFlight) {
    return Math.max(Math.min(MIN_WINDOW, maxInFlight), Math.min(prefetch, maxInFlight));
  }

  private record Heard(int prefetch, long nanos) {}
}
