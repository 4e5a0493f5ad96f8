package io.factorfleet.engine;

/**
 * Pollard's rho with Brent's cycle finding and batched gcds, in Montgomery arithmetic modulo an odd
 * unsigned 64-bit composite. Used for small composites and as the fallback of {@code Ecm64}.
 */
final class PollardRho64 {

  private static final int GCD_BATCH = 64;

  private PollardRho64() {}

  /** Returns a non-trivial factor of the odd composite n (never 1, never n). */
  static long findFactor(long n) {
    long nInverse = Montgomery64.inverse(n);
    long one = Montgomery64.one(n);
    for (long c = one; ; c = Montgomery64.add(c, one, n)) {
      long factor = attempt(n, nInverse, one, c);
      if (factor != n) {
        return factor;
      }
    }
  }

  /** One run with the map x -> x^2 + c; returns n when the run fails. */
  private static long attempt(long n, long nInverse, long one, long c) {
    long y = Montgomery64.add(one, one, n);
    long x = y;
    long ys = y;
    long product = one;
    long g = 1;
    for (long r = 1; g == 1; r <<= 1) {
      x = y;
      for (long i = 0; i < r; i++) {
        y = Montgomery64.add(Montgomery64.multiply(y, y, n, nInverse), c, n);
      }
      for (long k = 0; k < r && g == 1; k += GCD_BATCH) {
        ys = y;
        long steps = Math.min(GCD_BATCH, r - k);
        for (long i = 0; i < steps; i++) {
          y = Montgomery64.add(Montgomery64.multiply(y, y, n, nInverse), c, n);
          product = Montgomery64.multiply(product, Montgomery64.subtract(x, y, n), n, nInverse);
        }
        g = Montgomery64.gcd(product, n);
      }
    }
    if (g == n) {
      do {
        ys = Montgomery64.add(Montgomery64.multiply(ys, ys, n, nInverse), c, n);
        g = Montgomery64.gcd(Montgomery64.subtract(x, ys, n), n);
      } while (g == 1);
    }
    return g;
  }
}
