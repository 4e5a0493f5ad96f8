package io.factorfleet.engine;

import java.math.BigInteger;

/**
 * One ECM curve (stage 1 and stage 2) modulo a number of 65 to 128 bits, in {@link
 * TwoWordMontgomery} arithmetic: the curve schedule and parameters come from {@link WideEcm}. Every
 * coordinate is a pair of long locals (low word "0", high word "1"), so the hot loops touch no
 * array but the stage-2 baby points. The loops spell each step out instead of calling helpers,
 * because a helper could hand back only one word of a point. Not thread-safe: one instance per
 * number.
 */
final class TwoWordEcm {

  private static final int BABIES = EcmPlan.BABY_STEPS.length;

  /** Deadline checks happen every this many ladder or giant steps. */
  private static final int CHECK_EVERY = 256;

  private final TwoWordMontgomery mont;
  private final Deadline deadline;

  /** Stage-2 baby points: the words of X, Z and X Z of each, six longs apiece. */
  private final long[] babies = new long[6 * BABIES];

  /** The curve constant (A + 2) / 4 of the current curve, in Montgomery form. */
  private long a24Low;

  private long a24High;

  /** The result of {@link #doublePoint} and {@link #addPoints}, used outside the hot loops. */
  private long resultX0;

  private long resultX1;
  private long resultZ0;
  private long resultZ1;

  /** ECM modulo n, odd, of 65 to 128 bits, giving up when the deadline expires. */
  TwoWordEcm(BigInteger n, Deadline deadline) {
    this.mont = new TwoWordMontgomery(n);
    this.deadline = deadline;
  }

  /**
   * Runs one curve By^2 = x^3 + Ax^2 + x, given by a24 = (A + 2) / 4 mod n, from the point (x0 : 1)
   * with the bounds of plan; returns the gcd found (possibly 1 or n), or null when the deadline
   * expired.
   */
  BigInteger runCurve(BigInteger a24, BigInteger x0, EcmPlan plan) {
    TwoWordMontgomery m = mont;
    a24Low = m.toMontgomery(a24);
    a24High = m.high;
    long xb0 = m.toMontgomery(x0);
    long xb1 = m.high;
    long one0 = m.toMontgomery(BigInteger.ONE);
    long one1 = m.high;
    doublePoint(xb0, xb1, one0, one1);
    if (!ladder(xb0, xb1, resultX0, resultX1, resultZ0, resultZ1, plan.stage1Masks)) {
      return null;
    }
    BigInteger g = m.gcdWithModulus(resultZ0, resultZ1);
    if (!g.equals(BigInteger.ONE)) {
      return g;
    }
    return stage2(resultX0, resultX1, resultZ0, resultZ1, plan);
  }

  /**
   * Stage 1: the Montgomery ladder from P = (xb : 1) and [2]P = (x1 : z1) over the bits of the
   * stage-1 multiplier k given as masks; sets the result fields to [k]P. Returns false when the
   * deadline expired. A method of its own, apart from the set-up, because the JIT inlines at most
   * 8000 bytecodes into one method and each inlined multiply counts about 600.
   */
  private boolean ladder(long xb0, long xb1, long x10, long x11, long z10, long z11, long[] masks) {
    TwoWordMontgomery m = mont;
    long xa0 = xb0;
    long xa1 = xb1;
    long za0 = m.toMontgomery(BigInteger.ONE);
    long za1 = m.high;
    long c0 = a24Low;
    long c1 = a24High;
    for (int i = 0; i < masks.length; i++) {
      if ((i & (CHECK_EVERY - 1)) == 0 && deadline.expired()) {
        return false;
      }
      // (xa : za) = [k]P and (x1 : z1) = [k + 1]P. On a one bit the two swap places, so that the
      // step is always "add into the second, double the first", then swap back: the bits are
      // unpredictable, so masks beat branches.
      long mask = masks[i];
      long swap = (xa0 ^ x10) & mask;
      xa0 ^= swap;
      x10 ^= swap;
      swap = (xa1 ^ x11) & mask;
      xa1 ^= swap;
      x11 ^= swap;
      swap = (za0 ^ z10) & mask;
      za0 ^= swap;
      z10 ^= swap;
      swap = (za1 ^ z11) & mask;
      za1 ^= swap;
      z11 ^= swap;
      long d10 = m.subtract(xa0, xa1, za0, za1);
      long d11 = m.high;
      long s10 = m.add(xa0, xa1, za0, za1);
      long s11 = m.high;
      long d20 = m.subtract(x10, x11, z10, z11);
      long d21 = m.high;
      long s20 = m.add(x10, x11, z10, z11);
      long s21 = m.high;
      long p0 = m.multiply(d10, d11, s20, s21);
      long p1 = m.high;
      long q0 = m.multiply(s10, s11, d20, d21);
      long q1 = m.high;
      long sum0 = m.add(p0, p1, q0, q1);
      long sum1 = m.high;
      long dif0 = m.subtract(p0, p1, q0, q1);
      long dif1 = m.high;
      // [2k + 1]P = [k + 1]P + [k]P, whose difference is P = (xb : 1)
      x10 = m.multiply(sum0, sum1, sum0, sum1);
      x11 = m.high;
      long e0 = m.multiply(dif0, dif1, dif0, dif1);
      long e1 = m.high;
      z10 = m.multiply(xb0, xb1, e0, e1);
      z11 = m.high;
      // [2k]P
      long ss0 = m.multiply(s10, s11, s10, s11);
      long ss1 = m.high;
      long dd0 = m.multiply(d10, d11, d10, d11);
      long dd1 = m.high;
      long t0 = m.subtract(ss0, ss1, dd0, dd1);
      long t1 = m.high;
      xa0 = m.multiply(ss0, ss1, dd0, dd1);
      xa1 = m.high;
      long u0 = m.multiply(c0, c1, t0, t1);
      long u1 = m.high;
      u0 = m.add(u0, u1, dd0, dd1);
      u1 = m.high;
      za0 = m.multiply(t0, t1, u0, u1);
      za1 = m.high;
      swap = (xa0 ^ x10) & mask;
      xa0 ^= swap;
      x10 ^= swap;
      swap = (xa1 ^ x11) & mask;
      xa1 ^= swap;
      x11 ^= swap;
      swap = (za0 ^ z10) & mask;
      za0 ^= swap;
      z10 ^= swap;
      swap = (za1 ^ z11) & mask;
      za1 ^= swap;
      z11 ^= swap;
    }
    resultX0 = xa0;
    resultX1 = xa1;
    resultZ0 = za0;
    resultZ1 = za1;
    return true;
  }

  /**
   * Baby-step giant-step continuation from Q = (xq : zq): multiplies together X_g Z_b - X_b Z_g for
   * every giant point [j WHEEL]Q and baby point [i]Q that the plan pairs, and returns the gcd of
   * the product with n (or null when the deadline expired).
   */
  private BigInteger stage2(long xq0, long xq1, long zq0, long zq1, EcmPlan plan) {
    TwoWordMontgomery m = mont;
    storeBabies(xq0, xq1, zq0, zq1);
    // the babies end at [WHEEL / 2]Q, left in the result fields; the giant step is twice that
    doublePoint(resultX0, resultX1, resultZ0, resultZ1);
    long xg0 = resultX0;
    long xg1 = resultX1;
    long zg0 = resultZ0;
    long zg1 = resultZ1;
    // Montgomery ladder to ([j0]G, [j0 + 1]G) for the first giant step j0
    long xa0 = xg0;
    long xa1 = xg1;
    long za0 = zg0;
    long za1 = zg1;
    doublePoint(xg0, xg1, zg0, zg1);
    long xb0 = resultX0;
    long xb1 = resultX1;
    long zb0 = resultZ0;
    long zb1 = resultZ1;
    int j0 = plan.firstGiant;
    for (int bit = 30 - Integer.numberOfLeadingZeros(j0); bit >= 0; bit--) {
      addPoints(xa0, xa1, za0, za1, xb0, xb1, zb0, zb1, xg0, xg1, zg0, zg1);
      long sumX0 = resultX0;
      long sumX1 = resultX1;
      long sumZ0 = resultZ0;
      long sumZ1 = resultZ1;
      if ((j0 >>> bit & 1) != 0) {
        doublePoint(xb0, xb1, zb0, zb1);
        xa0 = sumX0;
        xa1 = sumX1;
        za0 = sumZ0;
        za1 = sumZ1;
        xb0 = resultX0;
        xb1 = resultX1;
        zb0 = resultZ0;
        zb1 = resultZ1;
      } else {
        doublePoint(xa0, xa1, za0, za1);
        xa0 = resultX0;
        xa1 = resultX1;
        za0 = resultZ0;
        za1 = resultZ1;
        xb0 = sumX0;
        xb1 = sumX1;
        zb0 = sumZ0;
        zb1 = sumZ1;
      }
    }
    return accumulate(xa0, xa1, za0, za1, xb0, xb1, zb0, zb1, xg0, xg1, zg0, zg1, zq0, zq1, plan);
  }

  /**
   * The giant steps of stage 2 from (xa : za) = [j0]G and (xb : zb) = [j0 + 1]G, G = (xg : zg),
   * with the product started at zq; returns its gcd with n, or null when the deadline expired. A
   * method of its own for the JIT's inlining limit, as {@link #ladder}.
   */
  private BigInteger accumulate(
      long xa0,
      long xa1,
      long za0,
      long za1,
      long xb0,
      long xb1,
      long zb0,
      long zb1,
      long xg0,
      long xg1,
      long zg0,
      long zg1,
      long zq0,
      long zq1,
      EcmPlan plan) {
    TwoWordMontgomery m = mont;
    long[] baby = babies;
    long product0 = zq0;
    long product1 = zq1;
    long gSum0 = m.add(xg0, xg1, zg0, zg1);
    long gSum1 = m.high;
    long gDif0 = m.subtract(xg0, xg1, zg0, zg1);
    long gDif1 = m.high;
    int[] pairMasks = plan.pairMasks;
    for (int j = 0; j < pairMasks.length; j++) {
      if ((j & (CHECK_EVERY - 1)) == 0 && deadline.expired()) {
        return null;
      }
      int pairs = pairMasks[j];
      if (pairs != 0) {
        long xz0 = m.multiply(xa0, xa1, za0, za1);
        long xz1 = m.high;
        while (pairs != 0) {
          int b = 6 * Integer.numberOfTrailingZeros(pairs);
          pairs &= pairs - 1;
          // (xa - xb)(za + zb) - xa za + xb zb = xa zb - xb za, for two multiplies in all
          long d0 = m.subtract(xa0, xa1, baby[b], baby[b + 1]);
          long d1 = m.high;
          long s0 = m.add(za0, za1, baby[b + 2], baby[b + 3]);
          long s1 = m.high;
          long term0 = m.multiply(d0, d1, s0, s1);
          long term1 = m.high;
          term0 = m.add(term0, term1, baby[b + 4], baby[b + 5]);
          term1 = m.high;
          term0 = m.subtract(term0, term1, xz0, xz1);
          term1 = m.high;
          product0 = m.multiply(product0, product1, term0, term1);
          product1 = m.high;
        }
      }
      // [j + 2]G = [j + 1]G + G, whose difference is [j]G
      long d0 = m.subtract(xb0, xb1, zb0, zb1);
      long d1 = m.high;
      long s0 = m.add(xb0, xb1, zb0, zb1);
      long s1 = m.high;
      long p0 = m.multiply(d0, d1, gSum0, gSum1);
      long p1 = m.high;
      long q0 = m.multiply(s0, s1, gDif0, gDif1);
      long q1 = m.high;
      long sum0 = m.add(p0, p1, q0, q1);
      long sum1 = m.high;
      long dif0 = m.subtract(p0, p1, q0, q1);
      long dif1 = m.high;
      long e0 = m.multiply(sum0, sum1, sum0, sum1);
      long e1 = m.high;
      long xNext0 = m.multiply(za0, za1, e0, e1);
      long xNext1 = m.high;
      e0 = m.multiply(dif0, dif1, dif0, dif1);
      e1 = m.high;
      long zNext0 = m.multiply(xa0, xa1, e0, e1);
      long zNext1 = m.high;
      xa0 = xb0;
      xa1 = xb1;
      za0 = zb0;
      za1 = zb1;
      xb0 = xNext0;
      xb1 = xNext1;
      zb0 = zNext0;
      zb1 = zNext1;
    }
    return m.gcdWithModulus(product0, product1);
  }

  /**
   * Stores [i]Q and its X Z for every baby step i, walking over the odd multiples with [2]Q as the
   * step; leaves [WHEEL / 2]Q in the result fields.
   */
  private void storeBabies(long xq0, long xq1, long zq0, long zq1) {
    TwoWordMontgomery m = mont;
    doublePoint(xq0, xq1, zq0, zq1);
    long x20 = resultX0;
    long x21 = resultX1;
    long z20 = resultZ0;
    long z21 = resultZ1;
    long xPrev0 = xq0; // [i - 2]Q, starting with [-1]Q, which has the same x as [1]Q
    long xPrev1 = xq1;
    long zPrev0 = zq0;
    long zPrev1 = zq1;
    long xCur0 = xq0;
    long xCur1 = xq1;
    long zCur0 = zq0;
    long zCur1 = zq1;
    int baby = 0;
    for (int i = 1; ; i += 2) {
      if (baby < BABIES && EcmPlan.BABY_STEPS[baby] == i) {
        int b = 6 * baby;
        babies[b] = xCur0;
        babies[b + 1] = xCur1;
        babies[b + 2] = zCur0;
        babies[b + 3] = zCur1;
        babies[b + 4] = m.multiply(xCur0, xCur1, zCur0, zCur1);
        babies[b + 5] = m.high;
        baby++;
      }
      if (i == EcmPlan.WHEEL / 2) {
        break;
      }
      addPoints(xCur0, xCur1, zCur0, zCur1, x20, x21, z20, z21, xPrev0, xPrev1, zPrev0, zPrev1);
      xPrev0 = xCur0;
      xPrev1 = xCur1;
      zPrev0 = zCur0;
      zPrev1 = zCur1;
      xCur0 = resultX0;
      xCur1 = resultX1;
      zCur0 = resultZ0;
      zCur1 = resultZ1;
    }
    resultX0 = xCur0;
    resultX1 = xCur1;
    resultZ0 = zCur0;
    resultZ1 = zCur1;
  }

  /** Sets the result fields to 2 (x : z) on the current curve, normalized to C24 = 1. */
  private void doublePoint(long x0, long x1, long z0, long z1) {
    TwoWordMontgomery m = mont;
    long s0 = m.add(x0, x1, z0, z1);
    long s1 = m.high;
    long d0 = m.subtract(x0, x1, z0, z1);
    long d1 = m.high;
    long ss0 = m.multiply(s0, s1, s0, s1);
    long ss1 = m.high;
    long dd0 = m.multiply(d0, d1, d0, d1);
    long dd1 = m.high;
    long t0 = m.subtract(ss0, ss1, dd0, dd1);
    long t1 = m.high;
    resultX0 = m.multiply(ss0, ss1, dd0, dd1);
    resultX1 = m.high;
    long u0 = m.multiply(a24Low, a24High, t0, t1);
    long u1 = m.high;
    u0 = m.add(u0, u1, dd0, dd1);
    u1 = m.high;
    resultZ0 = m.multiply(t0, t1, u0, u1);
    resultZ1 = m.high;
  }

  /** Sets the result fields to (xa : za) + (xb : zb), given their difference (xd : zd). */
  private void addPoints(
      long xa0,
      long xa1,
      long za0,
      long za1,
      long xb0,
      long xb1,
      long zb0,
      long zb1,
      long xd0,
      long xd1,
      long zd0,
      long zd1) {
    TwoWordMontgomery m = mont;
    long d0 = m.subtract(xa0, xa1, za0, za1);
    long d1 = m.high;
    long s0 = m.add(xb0, xb1, zb0, zb1);
    long s1 = m.high;
    long p0 = m.multiply(d0, d1, s0, s1);
    long p1 = m.high;
    s0 = m.add(xa0, xa1, za0, za1);
    s1 = m.high;
    d0 = m.subtract(xb0, xb1, zb0, zb1);
    d1 = m.high;
    long q0 = m.multiply(s0, s1, d0, d1);
    long q1 = m.high;
    long sum0 = m.add(p0, p1, q0, q1);
    long sum1 = m.high;
    long dif0 = m.subtract(p0, p1, q0, q1);
    long dif1 = m.high;
    long e0 = m.multiply(sum0, sum1, sum0, sum1);
    long e1 = m.high;
    long x0 = m.multiply(zd0, zd1, e0, e1);
    long x1 = m.high;
    e0 = m.multiply(dif0, dif1, dif0, dif1);
    e1 = m.high;
    resultZ0 = m.multiply(xd0, xd1, e0, e1);
    resultZ1 = m.high;
    resultX0 = x0;
    resultX1 = x1;
  }
}
