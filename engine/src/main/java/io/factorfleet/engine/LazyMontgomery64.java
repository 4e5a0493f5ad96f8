package io.factorfleet.engine;

/**
 * Montgomery arithmetic (R = 2^64) with lazy reduction, for the long chains of multiplies in ECM.
 * Below 2^62 a residue is any signed long in [-n, n] congruent to it: the signed high products give
 * a * b / R mod n already inside that range, so a multiply needs no correcting step, and a sum
 * needs one branch-free step. From 2^62 on, where sums could overflow, every operation is the
 * canonical one of {@link Montgomery64} (residues in [0, n)). Canonical residues are valid lazy
 * ones; {@link #canonical} turns a lazy residue back into [0, n) for gcds and comparisons.
 */
final class LazyMontgomery64 {

  /** Moduli below this use lazy residues. */
  static final long LAZY_LIMIT = 1L << 62;

  private LazyMontgomery64() {}

  /** Returns a * b / R mod n, for a and b in [-n, n] when n is below 2^62. */
  static long multiply(long a, long b, long n, long nInverse) {
    if (isLazy(n)) {
      // a b - m n is a multiple of 2^64 whose high word is the difference of the high words;
      // |a b / 2^64| < n / 4 and |m n / 2^64| <= n / 2, so the result lies within (-n, n)
      long m = a * b * nInverse;
      return Math.multiplyHigh(a, b) - Math.multiplyHigh(m, n);
    }
    return Montgomery64.multiply(a, b, n, nInverse);
  }

  static long add(long a, long b, long n) {
    if (isLazy(n)) {
      return towardZero(a + b, n);
    }
    return Montgomery64.add(a, b, n);
  }

  static long subtract(long a, long b, long n) {
    if (isLazy(n)) {
      return towardZero(a - b, n);
    }
    return Montgomery64.subtract(a, b, n);
  }

  /** The residue in [0, n) that the lazy residue a stands for. */
  static long canonical(long a, long n) {
    if (isLazy(n)) {
      long r = a + ((a >> 63) & n);
      return r >= n ? r - n : r;
    }
    return a;
  }

  /** Whether the unsigned n is below 2^62. */
  private static boolean isLazy(long n) {
    return n >>> 62 == 0;
  }

  /** Maps s in [-2n, 2n] into [-n, n] by adding or subtracting n, without a branch. */
  private static long towardZero(long s, long n) {
    return s + ((s >> 63) & (n << 1)) - n;
  }
}
