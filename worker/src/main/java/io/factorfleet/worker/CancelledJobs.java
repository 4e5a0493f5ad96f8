package io.factorfleet.worker;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The jobs this worker heard cancelled, and the units of hard numbers their coordinators no longer
 * want, remembered for a while: their tasks and units still in the queue are acknowledged without
 * being run as they come. A job's tasks reach the queue only while its command line runs, which
 * stops publishing on a cancel, so the queue holds none of them long after.
 */
final class CancelledJobs {
  /** How long a cancel is remembered. */
  static final Duration REMEMBERED_FOR = Duration.ofHours(1);

  /** The most cancels remembered at once; the oldest are forgotten first beyond it. */
  static final int MAX_REMEMBERED = 10_000;

  private final Map<String, Long> expiryByJob = new ConcurrentHashMap<>();

  /** For each number ("job/number"), the units below which are done, and when that expires. */
  private final Map<String, DoneBelow> doneUnits = new ConcurrentHashMap<>();

  private record DoneBelow(long below, long expiry) {}

  private final LongSupplier nanoClock;

  CancelledJobs() {
    this(System::nanoTime);
  }

  CancelledJobs(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  void add(String job) {
    long now = nanoClock.getAsLong();
    forgetExpired(now);
    if (expiryByJob.size() >= MAX_REMEMBERED) {
      expiryByJob.entrySet().stream()
          .min(Map.Entry.comparingByValue())
          .ifPresent(oldest -> expiryByJob.remove(oldest.getKey()));
    }
    expiryByJob.put(job, now + REMEMBERED_FOR.toNanos());
  }

  /** Whether {@code job} was cancelled within the time cancels are remembered. */
  boolean contains(String job) {
    if (expiryByJob.isEmpty() || job == null) {
      return false;
    }
    Long expiry = expiryByJob.get(job);
    return expiry != null && expiry - nanoClock.getAsLong() > 0;
  }

  /** Remembers that the units of a number with an index below {@code below} are not wanted. */
  void unitsDone(String job, long number, long below) {
    long now = nanoClock.getAsLong();
    doneUnits.values().removeIf(done -> done.expiry() - now <= 0);
    if (doneUnits.size() >= MAX_REMEMBERED) {
      doneUnits.entrySet().stream()
          .min((a, b) -> Long.compare(a.getValue().expiry(), b.getValue().expiry()))
          .ifPresent(oldest -> doneUnits.remove(oldest.getKey()));
    }
    doneUnits.merge(
        job + "/" + number,
        new DoneBelow(below, now + REMEMBERED_FOR.toNanos()),
        (old, fresh) -> new DoneBelow(Math.max(old.below(), fresh.below()), fresh.expiry()));
  }

  /** Whether a unit is no longer wanted: its job was cancelled, or its number has enough. */
  boolean isDropped(String job, long number, long unit) {
    if (contains(job)) {
      return true;
    }
    if (doneUnits.isEmpty()) {
      return false;
    }
    DoneBelow done = doneUnits.get(job + "/" + number);
    return done != null && unit < done.below() && done.expiry() - nanoClock.getAsLong() > 0;
  }

  private void forgetExpired(long now) {
    for (Iterator<Long> it = expiryByJob.values().iterator(); it.hasNext(); ) {
      if (it.next() - now <= 0) {
        it.remove();
      }
    }
  }
}
