package io.factorfleet.producer;

import io.factorfleet.engine.GeometricTable;

/**
 * How long the engine takes, at most, on one number of a given number of digits: the time of a
 * balanced semiprime of that size, the hardest case at each size, as measured on the project's
 * 2-core machine (see {@code docs/engine.md}). It sizes the tasks of a job whose publisher sees no
 * timings ({@code fleet submit}): a task then holds as many numbers as the hardest numbers of their
 * sizes would factor in {@link BatchSizer#TARGET}, so that cheap numbers still travel in large
 * tasks and no task of hard ones outlasts a worker's task budget.
 *
 * <p>Between two measured sizes the time is interpolated geometrically; past the last one it keeps
 * growing at the last rate, and below the first it stays at the first.
 */
public final class HardestNumberCost {
  /** Digits of the measured sizes, ascending. */
  private static final int[] DIGITS = {9, 19, 30, 40};

  /**
   * Nanoseconds per number at each of {@link #DIGITS}: 9 digits, a bound above the 0.34 µs of a
   * random 9-digit number in steady state; 19, a product of two 31-bit primes (54.7 µs, JMH); 30, a
   * balanced semiprime inside one process (13.5 ms); 40, one in a process of its own less the JVM's
   * start (about 0.5 s less 0.2 s).
   */
  private static final double[] NANOS = {2_000, 55_000, 13_500_000, 300_000_000};

  private static final GeometricTable TABLE = new GeometricTable(DIGITS, NANOS);

  private HardestNumberCost() {}

  /** Estimated nanoseconds to factor the hardest number of {@code digits} digits. */
  public static long nanos(int digits) {
    if (digits <= DIGITS[0]) {
      return (long) NANOS[0];
    }
    double estimate = TABLE.at(digits);
    return estimate >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) estimate;
  }
}
