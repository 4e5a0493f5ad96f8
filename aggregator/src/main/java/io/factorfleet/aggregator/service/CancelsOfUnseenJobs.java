package io.factorfleet.aggregator.service;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cancels of jobs the service has not seen a reply of yet: a submitted job cancelled while still
 * being published has no journal, but the workers may still answer the tasks they were factoring.
 * Remembered for an hour, at most {@link #MAX_REMEMBERED} of them, in memory only.
 */
final class CancelsOfUnseenJobs {
  static final Duration REMEMBERED_FOR = Duration.ofHours(1);
  static final int MAX_REMEMBERED = 10_000;

  /** Expiry by job, oldest first. */
  private final LinkedHashMap<String, Long> expiryByJob = new LinkedHashMap<>();

  void add(String job, long nowMillis) {
    expiryByJob.remove(job);
    expiryByJob.put(job, nowMillis + REMEMBERED_FOR.toMillis());
    while (expiryByJob.size() > MAX_REMEMBERED) {
      Iterator<String> oldest = expiryByJob.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
  }

  boolean contains(String job, long nowMillis) {
    if (expiryByJob.isEmpty()) {
      return false;
    }
    for (Iterator<Map.Entry<String, Long>> it = expiryByJob.entrySet().iterator(); it.hasNext(); ) {
      if (it.next().getValue() > nowMillis) {
        break;
      }
      it.remove();
    }
    return expiryByJob.containsKey(job);
  }
}
