package io.factorfleet.worker;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The jobs this worker heard cancelled, remembered for a while: their tasks still in the queue are
 * acknowledged without being factored as they come. A job's tasks reach the queue only while its
 * command line runs, which stops publishing on a cancel, so the queue holds none of them long
 * after.
 */
final class CancelledJobs {
  /** How long a cancel is remembered. */
  static final Duration REMEMBERED_FOR = Duration.ofHours(1);

  /** The most cancels remembered at once; the oldest are forgotten first beyond it. */
  static final int MAX_REMEMBERED = 10_000;

  private final Map<String, Long> expiryByJob = new ConcurrentHashMap<>();
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

  private void forgetExpired(long now) {
    for (Iterator<Long> it = expiryByJob.values().iterator(); it.hasNext(); ) {
      if (it.next() - now <= 0) {
        it.remove();
      }
    }
  }
}
