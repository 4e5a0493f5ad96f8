package io.factorfleet.producer;

import java.time.Duration;

/**
 * How many numbers the next task carries. A fixed size when the user chose one; otherwise sized so
 * that each task holds about {@link #TARGET} of factoring: cheap numbers travel in large batches,
 * so the broker's per-message cost stays small next to the work, and expensive ones in small
 * batches, so work spreads over the workers. {@link #adaptive()} learns that from the time workers
 * report in their results; {@link #estimated()}, for a publisher that sees no results, ends a task
 * once the {@link HardestNumberCost} of its numbers reaches the target.
 */
public final class BatchSizer {
  /** Factoring time an adaptive task aims at. */
  public static final Duration TARGET = Duration.ofMillis(50);

  static final int FIRST_SIZE = 16;

  /** The largest task, adaptive or chosen with --chunk-size. */
  public static final int MAX_SIZE = 10_000;

  /** Each new estimate counts for this much against the history. */
  private static final double WEIGHT = 0.3;

  /** A size grows at most this many times per observation, so one odd task cannot swing it. */
  private static final int MAX_GROWTH = 4;

  /**
   * Tasks handed out at a size still growing towards its target (the first size included) before
   * waiting for the next timing. Without this bound the publisher, far faster than the workers,
   * would cut a whole job into tasks of the first sizes before their timings come back: the first
   * job on a fresh worker then went out as 200 to 1,200 tasks instead of about 60.
   */
  static final int PROBES = 8;

  /** How long to wait for a timing before going on without waiting any more. */
  private static final Duration PROBE_PATIENCE = Duration.ofSeconds(3);

  private final int fixedSize;
  private final boolean estimated;
  private double nanosPerNumber = Double.NaN;
  private int size = FIRST_SIZE;
  private boolean growing = true;
  private long observations;
  private int handedOutSinceObservation;
  private boolean doneWaiting;

  private BatchSizer(int fixedSize, boolean estimated) {
    this.fixedSize = fixedSize;
    this.estimated = estimated;
  }

  public static BatchSizer fixed(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("chunk size must be at least 1, got " + size);
    }
    return new BatchSizer(size, false);
  }

  /** Sized from the workers' timings, passed to {@link #observe}. */
  public static BatchSizer adaptive() {
    return new BatchSizer(0, false);
  }

  /**
   * Sized from the numbers themselves, for a publisher that sees no timings: a task ends once the
   * estimated time of its numbers, each as hard as the hardest of its size, would pass {@link
   * #TARGET} (see {@link #costOf}), or at {@link #MAX_SIZE} numbers.
   */
  public static BatchSizer estimated() {
    return new BatchSizer(0, true);
  }

  /**
   * What {@code number} (canonical digits) counts against a task's {@link #TARGET}: its {@link
   * HardestNumberCost} in nanoseconds for an {@linkplain #estimated() estimated} sizer, 0 for the
   * others, whose tasks end at a count of numbers.
   */
  public long costOf(String number) {
    return estimated ? HardestNumberCost.nanos(number.length()) : 0;
  }

  /** The most numbers a task of this sizer ever carries. */
  public int largest() {
    return fixedSize > 0 ? fixedSize : MAX_SIZE;
  }

  /**
   * The size of the next task. While the size is still growing towards its target, at most {@link
   * #PROBES} tasks go out between two timings: past them this waits for the next timing, up to
   * {@link #PROBE_PATIENCE}; once a wait runs out it never waits again.
   */
  public synchronized int next() throws InterruptedException {
    if (fixedSize > 0) {
      return fixedSize;
    }
    if (estimated) {
      return MAX_SIZE;
    }
    if (!doneWaiting && growing && handedOutSinceObservation >= PROBES) {
      awaitObservation();
    }
    handedOutSinceObservation++;
    return size;
  }

  private void awaitObservation() throws InterruptedException {
    long seen = observations;
    long deadline = System.nanoTime() + PROBE_PATIENCE.toNanos();
    while (observations == seen) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        doneWaiting = true;
        return;
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  /** Learns from a result: {@code numbers} factored in {@code nanos}. */
  public synchronized void observe(int numbers, long nanos) {
    if (fixedSize > 0 || estimated || numbers <= 0 || nanos <= 0) {
      return;
    }
    double sample = (double) nanos / numbers;
    nanosPerNumber =
        Double.isNaN(nanosPerNumber) ? sample : WEIGHT * sample + (1 - WEIGHT) * nanosPerNumber;
    long ideal = Math.min(Math.round(TARGET.toNanos() / nanosPerNumber), MAX_SIZE);
    long capped = (long) size * MAX_GROWTH;
    growing = ideal > capped;
    size = (int) Math.max(1, Math.min(ideal, capped));
    observations++;
    handedOutSinceObservation = 0;
    notifyAll();
  }
}
