package io.factorfleet.engine.siqs;

/**
 * How long the engine's quadratic sieve takes on one thread for a balanced semiprime of a given
 * size, the hardest case at each size: the figures of docs/engine.md (steady state up to 60 digits,
 * whole processes of {@code bench/hard-numbers.sh} at 70 and 80), interpolated geometrically
 * between them and extended at the last rate beyond.
 */
public final class SieveCost {

  /** Bits of the measured sizes: 30, 40, 50, 60, 70 and 80 digits. */
  private static final int[] BITS = {100, 133, 166, 199, 233, 266};

  /** Seconds on one thread at each of {@link #BITS}. */
  private static final double[] SECONDS = {0.0048, 0.033, 0.27, 2.7, 34, 270};

  private SieveCost() {}

  /** Estimated nanoseconds to factor a balanced semiprime of {@code bits} bits on one thread. */
  public static long nanos(int bits) {
    int upper = 1;
    while (upper < BITS.length - 1 && BITS[upper] < bits) {
      upper++;
    }
    int lower = upper - 1;
    double perBit = Math.log(SECONDS[upper] / SECONDS[lower]) / (BITS[upper] - BITS[lower]);
    double seconds = SECONDS[lower] * Math.exp(perBit * (bits - BITS[lower]));
    double nanos = seconds * 1e9;
    return nanos >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) nanos;
  }
}
