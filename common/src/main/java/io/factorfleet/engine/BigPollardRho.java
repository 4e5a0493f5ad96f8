package io.factorfleet.engine;

import java.math.BigInteger;

/**
 * Pollard's rho with Brent's cycle detection on {@link BigInteger}s; the method of last resort for
 * numbers beyond the reach of the word-sized paths.
 */
final class BigPollardRho {

  private static final int GCD_BATCH = 128;
  private static final int CHECK_EVERY = 1024;

  private BigPollardRho() {}

  /**
   * Returns a non-trivial factor of the odd composite {@code n}, or {@code null} when the deadline
   * expires first.
   */
  static BigInteger findFactor(BigInteger n, Deadline deadline) {
    for (long c = 1; ; c++) {
      BigInteger factor = attempt(n, BigInteger.valueOf(c), deadline);
      if (factor == null) {
        return null;
      }
      if (!factor.equals(n)) {
        return factor;
      }
    }
  }

  /** One run with the map x -> x^2 + c; returns n itself when the run fails. */
  private static BigInteger attempt(BigInteger n, BigInteger c, Deadline deadline) {
    BigInteger y = BigInteger.TWO;
    BigInteger x = y;
    BigInteger ys = y;
    BigInteger product = BigInteger.ONE;
    BigInteger g = BigInteger.ONE;
    long sinceCheck = 0;
    for (long r = 1; g.equals(BigInteger.ONE); r <<= 1) {
      x = y;
      for (long i = 0; i < r; i++) {
        y = y.multiply(y).add(c).mod(n);
      }
      for (long k = 0; k < r && g.equals(BigInteger.ONE); k += GCD_BATCH) {
        ys = y;
        long steps = Math.min(GCD_BATCH, r - k);
        for (long i = 0; i < steps; i++) {
          y = y.multiply(y).add(c).mod(n);
          product = product.multiply(x.subtract(y)).mod(n);
        }
        g = product.gcd(n);
        sinceCheck += steps;
        if (sinceCheck >= CHECK_EVERY) {
          sinceCheck = 0;
          if (deadline.expired()) {
            return null;
          }
        }
      }
    }
    if (g.equals(n)) {
      do {
        ys = ys.multiply(ys).add(c).mod(n);
        g = x.subtract(ys).gcd(n);
      } while (g.equals(BigInteger.ONE));
    }
    return g;
  }
}
