package io.factorfleet.engine;

import java.math.BigInteger;

/**
 * One Miller-Rabin round (the strong probable-prime test to one base) in three arithmetics:
 * Montgomery with R = 2^32 on plain longs below 2^31, Montgomery with R = 2^64 below 2^64, and
 * BigInteger above.
 */
final class MillerRabin {

  private MillerRabin() {}

  /** Whether the odd n, above 2 and below 2^31, is a strong probable prime to {@code base}. */
  static boolean isStrongProbablePrime32(long n, long base) {
    return isStrongProbablePrime32(n, base, (1L << 32) % n, -Montgomery64.inverse(n) & 0xFFFFFFFFL);
  }

  /**
   * One Miller-Rabin round for odd n below 2^31, with {@code one} = 2^32 mod n and {@code nInverse}
   * = -1 / n mod 2^32: products stay below 2^64, so no high-half multiplies are needed.
   */
  static boolean isStrongProbablePrime32(long n, long base, long one, long nInverse) {
    long a = base % n;
    if (a == 0) {
      return true;
    }
    long nMinusOne = n - 1;
    int s = Long.numberOfTrailingZeros(nMinusOne);
    long d = nMinusOne >>> s;
    long minusOne = n - one;
    long x = one;
    long b = (a << 32) % n;
    for (long bit = Long.highestOneBit(d); bit != 0; bit >>>= 1) {
      x = reduce32(x * x, n, nInverse);
      if ((d & bit) != 0) {
        x = reduce32(x * b, n, nInverse);
      }
    }
    if (x == one || x == minusOne) {
      return true;
    }
    // a square of 1 stays 1 and never reaches n - 1, so the loop needs no early exit for it:
    // one branch fewer that almost no input takes
    boolean witness = true;
    for (int r = 1; r < s && witness; r++) {
      x = reduce32(x * x, n, nInverse);
      witness = x != minusOne;
    }
    return !witness;
  }

  /** Montgomery reduction t / 2^32 mod n for t < n * 2^32 and n < 2^31. */
  private static long reduce32(long t, long n, long nInverse) {
    long m = ((t & 0xFFFFFFFFL) * nInverse) & 0xFFFFFFFFL;
    long r = (t + m * n) >>> 32;
    return r >= n ? r - n : r;
  }

  /** Miller-Rabin round for odd unsigned n > 2 with a base already in Montgomery form. */
  static boolean isStrongProbablePrime(long n, long base, long one, long nInverse) {
    long nMinusOne = n - 1;
    int s = Long.numberOfTrailingZeros(nMinusOne);
    long minusOne = n - one;
    long x = Montgomery64.pow(base, nMinusOne >>> s, one, n, nInverse);
    if (x == one || x == minusOne) {
      return true;
    }
    for (int r = 1; r < s; r++) {
      x = Montgomery64.multiply(x, x, n, nInverse);
      if (x == minusOne) {
        return true;
      }
      if (x == one) {
        return false;
      }
    }
    return false;
  }

  /** Miller-Rabin round for an odd n > 2 of any size. */
  static boolean isStrongProbablePrime(BigInteger n, BigInteger base) {
    BigInteger nMinusOne = n.subtract(BigInteger.ONE);
    int s = nMinusOne.getLowestSetBit();
    BigInteger x = base.modPow(nMinusOne.shiftRight(s), n);
    if (x.equals(BigInteger.ONE) || x.equals(nMinusOne)) {
      return true;
    }
    for (int r = 1; r < s; r++) {
      x = x.multiply(x).mod(n);
      if (x.equals(nMinusOne)) {
        return true;
      }
      if (x.equals(BigInteger.ONE)) {
        return false;
      }
    }
    return false;
  }
}
