package io.factorfleet.engine;

/**
 * The point in time at which the search for factors of one number gives up, or the moment the
 * calling thread is interrupted. Checked once per ECM curve and every few hundred curve steps.
 */
final class Deadline {

  private final long endNanos;

  private Deadline(long endNanos) {
    this.endNanos = endNanos;
  }

  /** A deadline budgetNanos from now; budgetNanos must stay well below 2^63 (overflow-safe). */
  static Deadline after(long budgetNanos) {
    return new Deadline(System.nanoTime() + budgetNanos);
  }

  /** Returns true when the budget is spent or the current thread was interrupted. */
  boolean expired() {
    return System.nanoTime() - endNanos > 0 || Thread.currentThread().isInterrupted();
  }
}
