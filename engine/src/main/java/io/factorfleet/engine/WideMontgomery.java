package io.factorfleet.engine;

import java.math.BigInteger;

/**
 * Montgomery arithmetic modulo one odd multi-word modulus n, with R = 2^(64 k) for k 64-bit limbs.
 * Residues are little-endian {@code long[k]} arrays; every operation writes into a destination
 * array that may alias its operands. Not thread-safe: one instance per factoring call.
 */
final class WideMontgomery {

  final int limbs;
  private final long[] modulus;
  private final long negInverse;
  private final BigInteger bigModulus;
  private final long[] scratch;

  /** True when n < 2^127 with two limbs: then every residue's top limb is a signed-safe long. */
  private final boolean topLimbBelow2Pow63;

  WideMontgomery(BigInteger n) {
    this.bigModulus = n;
    this.limbs = (n.bitLength() + 63) / 64;
    this.modulus = toLimbs(n, limbs);
    this.negInverse = -Montgomery64.inverse(modulus[0]);
    this.scratch = new long[limbs + 2];
    this.topLimbBelow2Pow63 = modulus[limbs - 1] >= 0;
  }

  long[] newResidue() {
    return new long[limbs];
  }

  /** Montgomery form of x, 0 <= x. */
  long[] toMontgomery(BigInteger x) {
    return toLimbs(x.shiftLeft(64 * limbs).mod(bigModulus), limbs);
  }

  /** The plain value of a Montgomery residue. */
  BigInteger fromMontgomery(long[] a) {
    BigInteger r = BigInteger.ONE.shiftLeft(64 * limbs).modInverse(bigModulus);
    return toBigInteger(a).multiply(r).mod(bigModulus);
  }

  /** gcd(a, n) for a residue a; Montgomery form does not change it. */
  BigInteger gcdWithModulus(long[] a) {
    return toBigInteger(a).gcd(bigModulus);
  }

  /** dst = a * b / R mod n (coarsely integrated operand scanning). */
  void multiply(long[] dst, long[] a, long[] b) {
    if (limbs == 2) {
      multiplyTwoLimbs(dst, a, b);
    } else {
      multiplyAnyLimbs(dst, a, b);
    }
  }

  private void multiplyAnyLimbs(long[] dst, long[] a, long[] b) {
    int k = limbs;
    long[] t = scratch;
    java.util.Arrays.fill(t, 0);
    long[] n = modulus;
    for (int i = 0; i < k; i++) {
      long bi = b[i];
      long carry = 0;
      for (int j = 0; j < k; j++) {
        long lo = a[j] * bi;
        long hi = Montgomery64.multiplyHighUnsigned(a[j], bi);
        lo += t[j];
        hi += Long.compareUnsigned(lo, t[j]) < 0 ? 1 : 0;
        lo += carry;
        hi += Long.compareUnsigned(lo, carry) < 0 ? 1 : 0;
        t[j] = lo;
        carry = hi;
      }
      long sum = t[k] + carry;
      t[k + 1] = Long.compareUnsigned(sum, carry) < 0 ? 1 : 0;
      t[k] = sum;
      long m = t[0] * negInverse;
      long lo0 = m * n[0];
      long hi0 = Montgomery64.multiplyHighUnsigned(m, n[0]);
      lo0 += t[0];
      carry = hi0 + (Long.compareUnsigned(lo0, t[0]) < 0 ? 1 : 0);
      for (int j = 1; j < k; j++) {
        long lo = m * n[j];
        long hi = Montgomery64.multiplyHighUnsigned(m, n[j]);
        lo += t[j];
        hi += Long.compareUnsigned(lo, t[j]) < 0 ? 1 : 0;
        lo += carry;
        hi += Long.compareUnsigned(lo, carry) < 0 ? 1 : 0;
        t[j - 1] = lo;
        carry = hi;
      }
      sum = t[k] + carry;
      t[k - 1] = sum;
      t[k] = t[k + 1] + (Long.compareUnsigned(sum, carry) < 0 ? 1 : 0);
    }
    if (t[k] != 0 || compare(t, n, k) >= 0) {
      subtractWithBorrow(t, t, n, k);
    }
    System.arraycopy(t, 0, dst, 0, k);
  }

  /** The two-limb case of {@link #multiply}, unrolled: it carries the 65 to 128-bit numbers. */
  private void multiplyTwoLimbs(long[] dst, long[] a, long[] b) {
    long a0 = a[0];
    long a1 = a[1];
    long n0 = modulus[0];
    long n1 = modulus[1];
    long t0 = 0;
    long t1 = 0;
    long t2 = 0;
    for (int i = 0; i < 2; i++) {
      long bi = b[i];
      long lo = a0 * bi;
      long hi = Montgomery64.multiplyHighUnsigned(a0, bi);
      lo += t0;
      hi += Long.compareUnsigned(lo, t0) < 0 ? 1 : 0;
      t0 = lo;
      long carry = hi;
      lo = a1 * bi;
      hi =
          topLimbBelow2Pow63
              ? Math.multiplyHigh(a1, bi) + ((bi >> 63) & a1)
              : Montgomery64.multiplyHighUnsigned(a1, bi);
      lo += t1;
      hi += Long.compareUnsigned(lo, t1) < 0 ? 1 : 0;
      lo += carry;
      hi += Long.compareUnsigned(lo, carry) < 0 ? 1 : 0;
      t1 = lo;
      carry = hi;
      long sum = t2 + carry;
      long t3 = Long.compareUnsigned(sum, carry) < 0 ? 1 : 0;
      t2 = sum;
      long m = t0 * negInverse;
      carry = Montgomery64.multiplyHighUnsigned(m, n0) + (t0 != 0 ? 1 : 0);
      lo = m * n1;
      hi =
          topLimbBelow2Pow63
              ? Math.multiplyHigh(m, n1) + ((m >> 63) & n1)
              : Montgomery64.multiplyHighUnsigned(m, n1);
      lo += t1;
      hi += Long.compareUnsigned(lo, t1) < 0 ? 1 : 0;
      lo += carry;
      hi += Long.compareUnsigned(lo, carry) < 0 ? 1 : 0;
      t0 = lo;
      carry = hi;
      sum = t2 + carry;
      t1 = sum;
      t2 = t3 + (Long.compareUnsigned(sum, carry) < 0 ? 1 : 0);
    }
    if (t2 != 0
        || Long.compareUnsigned(t1, n1) > 0
        || (t1 == n1 && Long.compareUnsigned(t0, n0) >= 0)) {
      long d0 = t0 - n0;
      t1 = t1 - n1 - (Long.compareUnsigned(t0, n0) < 0 ? 1 : 0);
      t0 = d0;
    }
    dst[0] = t0;
    dst[1] = t1;
  }

  /** dst = a + b mod n. */
  void add(long[] dst, long[] a, long[] b) {
    if (limbs == 2) {
      long n0 = modulus[0];
      long n1 = modulus[1];
      long s0 = a[0] + b[0];
      long c0 = Long.compareUnsigned(s0, a[0]) < 0 ? 1 : 0;
      long s1a = a[1] + b[1];
      long s1 = s1a + c0;
      boolean carry = Long.compareUnsigned(s1a, a[1]) < 0 || Long.compareUnsigned(s1, s1a) < 0;
      if (carry
          || Long.compareUnsigned(s1, n1) > 0
          || (s1 == n1 && Long.compareUnsigned(s0, n0) >= 0)) {
        long d0 = s0 - n0;
        s1 = s1 - n1 - (Long.compareUnsigned(s0, n0) < 0 ? 1 : 0);
        s0 = d0;
      }
      dst[0] = s0;
      dst[1] = s1;
    } else {
      addAnyLimbs(dst, a, b);
    }
  }

  private void addAnyLimbs(long[] dst, long[] a, long[] b) {
    int k = limbs;
    long carry = addWithCarry(dst, a, b, k);
    if (carry != 0 || compare(dst, modulus, k) >= 0) {
      subtractWithBorrow(dst, dst, modulus, k);
    }
  }

  /** dst = a - b mod n. */
  void subtract(long[] dst, long[] a, long[] b) {
    if (limbs == 2) {
      long a0 = a[0];
      long a1 = a[1];
      long b0 = b[0];
      long b1 = b[1];
      long d0 = a0 - b0;
      long borrow0 = Long.compareUnsigned(a0, b0) < 0 ? 1 : 0;
      long d1 = a1 - b1 - borrow0;
      boolean borrow = Long.compareUnsigned(a1, b1) < 0 || (a1 == b1 && borrow0 != 0);
      if (borrow) {
        long s0 = d0 + modulus[0];
        d1 = d1 + modulus[1] + (Long.compareUnsigned(s0, d0) < 0 ? 1 : 0);
        d0 = s0;
      }
      dst[0] = d0;
      dst[1] = d1;
    } else {
      subtractAnyLimbs(dst, a, b);
    }
  }

  private void subtractAnyLimbs(long[] dst, long[] a, long[] b) {
    int k = limbs;
    if (subtractWithBorrow(dst, a, b, k) != 0) {
      addWithCarry(dst, dst, modulus, k);
    }
  }

  /** dst = a + b over k limbs, without reduction; returns the carry out, 0 or 1. */
  private static long addWithCarry(long[] dst, long[] a, long[] b, int k) {
    long carry = 0;
    for (int i = 0; i < k; i++) {
      long s = a[i] + carry;
      long c1 = Long.compareUnsigned(s, carry) < 0 ? 1 : 0;
      long r = s + b[i];
      carry = c1 + (Long.compareUnsigned(r, s) < 0 ? 1 : 0);
      dst[i] = r;
    }
    return carry;
  }

  private static int compare(long[] a, long[] b, int k) {
    for (int i = k - 1; i >= 0; i--) {
      if (a[i] != b[i]) {
        return Long.compareUnsigned(a[i], b[i]);
      }
    }
    return 0;
  }

  /**
   * dst = a - b over k limbs, without reduction; returns the borrow out, 0 or 1. dst may be a,
   * since each limb of a is read before it is written.
   */
  private static long subtractWithBorrow(long[] dst, long[] a, long[] b, int k) {
    long borrow = 0;
    for (int i = 0; i < k; i++) {
      long ai = a[i];
      long d = ai - b[i];
      long b1 = Long.compareUnsigned(ai, b[i]) < 0 ? 1 : 0;
      long r = d - borrow;
      borrow = b1 + (Long.compareUnsigned(d, borrow) < 0 ? 1 : 0);
      dst[i] = r;
    }
    return borrow;
  }

  static long[] toLimbs(BigInteger x, int limbs) {
    long[] out = new long[limbs];
    for (int i = 0; i < limbs; i++) {
      out[i] = x.shiftRight(64 * i).longValue();
    }
    return out;
  }

  static BigInteger toBigInteger(long[] limbs) {
    BigInteger r = BigInteger.ZERO;
    for (int i = limbs.length - 1; i >= 0; i--) {
      r = r.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(limbs[i])));
    }
    return r;
  }
}
