package io.factorfleet.engine.siqs;

import io.factorfleet.engine.GeometricTable;

/**
 * How long the engine's quadratic sieve takes on one thread for a balanced semiprime of a given
 * size, the hardest case at each size: the figures of docs/engine.md (steady state up to 60 digits,
 * whole processes of {@code bench/hard-numbers.sh} at 70 and 80), interpolated geometrically
 * between them and extended at the last rate beyond.
 */
public final class SieveCost {

  /**
   * Seconds on one thread at 30, 40, 50, 60, 70 and 80 digits (100, 133, 166, 199, 233 and 266
   * bits).
   */
  private static final GeometricTable SECONDS =
      new GeometricTable(
          new int[] {100, 133, 166, 199, 233, 266},
          new double[] {0.0055, 0.027, 0.20, 1.9, 18.5, 139});

  private SieveCost() {}

  /** Estimated nanoseconds to factor a balanced semiprime of {@code bits} bits on one thread. */
  public static long nanos(int bits) {
    double nanos = SECONDS.at(bits) * 1e9;
    return nanos >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) nanos;
  }
}
