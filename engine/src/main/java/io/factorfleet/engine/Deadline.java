package io.factorfleet.engine;

import java.util.function.BooleanSupplier;

/**
 * The point in time at which the search for factors of one number gives up, or the moment the
 * calling thread is interrupted. Checked once per ECM curve and every few hundred curve steps.
 */
final class Deadline {

  private final long endNanos;
  private final BooleanSupplier stopped;

  private Deadline(long endNanos, BooleanSupplier stopped) {
    this.endNanos = endNanos;
    this.stopped = stopped;
  }

  /** A deadline budgetNanos from now; budgetNanos must stay well below 2^63 (overflow-safe). */
  static Deadline after(long budgetNanos) {
    return new Deadline(System.nanoTime() + budgetNanos, () -> false);
  }

  /** No time limit: expires only when {@code stopped} says so or the thread is interrupted. */
  static Deadline whenStopped(BooleanSupplier stopped) {
    return new Deadline(System.nanoTime() + Long.MAX_VALUE / 4, stopped);
  }

  /**
   * Returns true when the budget is spent, the current thread was interrupted, or the work was
   * stopped.
   */
  boolean expired() {
    return System.nanoTime() - endNanos > 0
        || Thread.currentThread().isInterrupted()
        || stopped.getAsBoolean();
  }
}
