package io.factorfleet.engine;

/**
 * The point in time at which the search for factors of one number gives up, or the moment the
 * calling thread is interrupted. Checked every few thousand iterations by the factoring loops.
 */
final class Deadline {

  /** A deadline that never expires; used where a result must be complete. */
  static final Deadline NEVER = new Deadline(Long.MAX_VALUE, false);

  private final long endNanos;
  private final boolean bounded;

  private Deadline(long endNanos, boolean bounded) {
    this.endNanos = endNanos;
    this.bounded = bounded;
  }

  static Deadline after(long budgetNanos) {
    return new Deadline(System.nanoTime() + budgetNanos, true);
  }

  /** Returns true when the budget is spent or the current thread was interrupted. */
  boolean expired() {
    return bounded && (System.nanoTime() - endNanos > 0 || Thread.currentThread().isInterrupted());
  }
}
