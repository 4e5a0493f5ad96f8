package io.factorfleet.engine;

import java.math.BigInteger;

/**
 * Point arithmetic on one Montgomery curve By^2 = x^3 + Ax^2 + x, normalized to C24 = 1, modulo a
 * number of 65 to 128 bits in {@link TwoWordMontgomery} arithmetic, in x-only projective
 * coordinates (X : Z). Every coordinate is a pair of longs (low word "0", high word "1"); a method
 * leaves its result point in the result fields, to be read before the next operation. These serve
 * the set-up around the stage loops; the hot loops spell the same formulas out on local variables,
 * because a helper can hand back only one word. Not thread-safe: one instance per number.
 */
final class TwoWordCurve {

  private final TwoWordMontgomery mont;

  /** The curve constant (A + 2) / 4 of the current curve, in Montgomery form. */
  long a24Low;

  long a24High;

  /** The result of the last operation. */
  long resultX0;

  long resultX1;
  long resultZ0;
  long resultZ1;

  TwoWordCurve(TwoWordMontgomery mont) {
    this.mont = mont;
  }

  /** Makes the curve given by a24 = (A + 2) / 4 mod n, a plain residue, the current one. */
  void setCurve(BigInteger a24) {
    a24Low = mont.toMontgomery(a24);
    a24High = mont.high;
  }

  /**
   * Writes [j]G and [j + 1]G (X and Z, two words each) to out[0] to out[7], for j >= 1 and the
   * point G = (xg : zg), by a Montgomery ladder over the bits of j.
   */
  void multiples(long xg0, long xg1, long zg0, long zg1, int j, long[] out) {
    long xa0 = xg0;
    long xa1 = xg1;
    long za0 = zg0;
    long za1 = zg1;
    doublePoint(xg0, xg1, zg0, zg1);
    long xb0 = resultX0;
    long xb1 = resultX1;
    long zb0 = resultZ0;
    long zb1 = resultZ1;
    for (int bit = 30 - Integer.numberOfLeadingZeros(j); bit >= 0; bit--) {
      addPoints(xa0, xa1, za0, za1, xb0, xb1, zb0, zb1, xg0, xg1, zg0, zg1);
      long sumX0 = resultX0;
      long sumX1 = resultX1;
      long sumZ0 = resultZ0;
      long sumZ1 = resultZ1;
      if ((j >>> bit & 1) != 0) {
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
    out[0] = xa0;
    out[1] = xa1;
    out[2] = za0;
    out[3] = za1;
    out[4] = xb0;
    out[5] = xb1;
    out[6] = zb0;
    out[7] = zb1;
  }

  /** Sets the result fields to 2 (x : z) on the current curve: five multiplies. */
  void doublePoint(long x0, long x1, long z0, long z1) {
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

  /**
   * Sets the result fields to (xa : za) + (xb : zb), given their difference (xd : zd): six
   * multiplies.
   */
  void addPoints(
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
