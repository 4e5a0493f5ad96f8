package io.factorfleet.engine;

import java.math.BigInteger;

/**
 * Unsigned 64-bit helpers that every other part of the engine may use: the bottom floor, which
 * calls no other engine class.
 */
final class UnsignedMath {

  private UnsignedMath() {}

  /** Floor of the square root of the unsigned n. */
  static long squareRoot(long n) {
    long r = (long) Math.sqrt(toDouble(n));
    // the double estimate is off by at most a few units; correct it with exact unsigned checks
    while (r > 0 && (r > 0xFFFFFFFFL || Long.compareUnsigned(r * r, n) > 0)) {
      r--;
    }
    while (r < 0xFFFFFFFFL && Long.compareUnsigned((r + 1) * (r + 1), n) <= 0) {
      r++;
    }
    return r;
  }

  /** The unsigned value as a double, rounded. */
  private static double toDouble(long n) {
    double d = (double) (n >>> 1) * 2.0;
    return d + (n & 1);
  }

  /** The unsigned {@code value} as a BigInteger. */
  static BigInteger toBigInteger(long value) {
    BigInteger b = BigInteger.valueOf(value & Long.MAX_VALUE);
    return value < 0 ? b.setBit(63) : b;
  }

  /** The unsigned 128-bit number with words lo and hi as a BigInteger. */
  static BigInteger toBigInteger(long lo, long hi) {
    return toBigInteger(hi).shiftLeft(64).add(toBigInteger(lo));
  }
}
