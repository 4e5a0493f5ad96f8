package io.factorfleet.engine;

import java.math.BigInteger;

/**
 * Lenstra's elliptic curve method for odd composites beyond 64 bits, on Montgomery curves with
 * Suyama's parametrization, in multi-word Montgomery arithmetic. Runs curves with growing bounds
 * (small factors are found first) until a factor turns up or the deadline expires. Up to 128 bits
 * each curve runs in {@link TwoWordEcm}, on long locals; above, in the array arithmetic of {@link
 * WideMontgomery} here. Not thread-safe: one instance per number.
 */
final class WideEcm {

  /** B1 of each level, the number of curves to run at it, and B2 = B2_FACTOR * B1. */
  private static final int[] LEVEL_B1 = {150, 500, 2_000, 11_000, 50_000, 250_000};

  private static final int[] LEVEL_CURVES = {8, 25, 90, 250, 700, Integer.MAX_VALUE};
  private static final int B2_FACTOR = 50;
  private static final EcmPlan[] PLANS = new EcmPlan[LEVEL_B1.length];

  /** Deadline checks happen every this many ladder or giant steps. */
  private static final int CHECK_EVERY = 256;

  private final WideMontgomery mont;

  /** The curve arithmetic on long locals for 65 to 128 bits; null above. */
  private final TwoWordEcm twoWord;

  private final BigInteger n;
  private final Deadline deadline;
  private final long[] a24;
  private final long[] x0;
  private final long[] z0;
  private final long[] t1;
  private final long[] t2;
  private final long[] t3;
  private final long[] t4;
  private final long[] t5;
  private final long[] t6;

  WideEcm(BigInteger n, Deadline deadline) {
    this.n = n;
    this.deadline = deadline;
    this.mont = new WideMontgomery(n);
    this.twoWord = n.bitLength() <= 128 ? new TwoWordEcm(n, deadline) : null;
    this.a24 = mont.newResidue();
    this.x0 = mont.newResidue();
    this.z0 = mont.newResidue();
    this.t1 = mont.newResidue();
    this.t2 = mont.newResidue();
    this.t3 = mont.newResidue();
    this.t4 = mont.newResidue();
    this.t5 = mont.newResidue();
    this.t6 = mont.newResidue();
  }

  /**
   * Returns a non-trivial factor of the odd composite n (not a perfect power), or null when the
   * deadline expires first.
   */
  BigInteger findFactor() {
    long sigma = 6;
    // up to 128 bits, start near the bound that suits a factor of half the size; above, stay
    // cheap first, since large inputs usually still hold smallish factors
    int bits = n.bitLength();
    int firstLevel = bits > 128 || bits <= 50 ? 0 : bits <= 66 ? 1 : 2;
    for (int level = firstLevel; ; level = Math.min(level + 1, LEVEL_B1.length - 1)) {
      EcmPlan plan = plan(level);
      for (int curve = 0; curve < LEVEL_CURVES[level]; curve++) {
        if (deadline.expired()) {
          return null;
        }
        BigInteger factor = tryCurve(BigInteger.valueOf(sigma++), plan);
        if (factor == null) {
          return null;
        }
        if (!factor.equals(BigInteger.ONE) && !factor.equals(n)) {
          return factor;
        }
      }
    }
  }

  private static synchronized EcmPlan plan(int level) {
    if (PLANS[level] == null) {
      PLANS[level] = new EcmPlan(LEVEL_B1[level], LEVEL_B1[level] * B2_FACTOR);
    }
    return PLANS[level];
  }

  /** Runs one curve; returns the gcd found (possibly 1 or n), or null when the deadline expired. */
  private BigInteger tryCurve(BigInteger sigma, EcmPlan plan) {
    BigInteger u = sigma.multiply(sigma).subtract(BigInteger.valueOf(5)).mod(n);
    BigInteger v = sigma.shiftLeft(2).mod(n);
    BigInteger u3 = u.pow(3).mod(n);
    BigInteger v3 = v.pow(3).mod(n);
    BigInteger a = v.subtract(u).pow(3).multiply(u.multiply(BigInteger.valueOf(3)).add(v)).mod(n);
    BigInteger c = u3.multiply(v).shiftLeft(4).mod(n);
    // normalize to C24 = 1 and Z0 = 1 with one inversion, which saves two multiplies per step
    BigInteger denominator = c.multiply(v3).mod(n);
    BigInteger common = denominator.gcd(n);
    if (!common.equals(BigInteger.ONE)) {
      return common;
    }
    BigInteger inverse = denominator.modInverse(n);
    BigInteger normalizedA24 = a.multiply(v3).multiply(inverse).mod(n);
    BigInteger normalizedX0 = u3.multiply(c).multiply(inverse).mod(n);
    if (twoWord != null) {
      return twoWord.runCurve(normalizedA24, normalizedX0, plan);
    }
    copy(a24, mont.toMontgomery(normalizedA24));
    copy(x0, mont.toMontgomery(normalizedX0));
    copy(z0, mont.toMontgomery(BigInteger.ONE));

    long[] xa = x0.clone();
    long[] za = z0.clone();
    long[] xb = mont.newResidue();
    long[] zb = mont.newResidue();
    doubleX(xb, zb, x0, z0);
    boolean[] bits = plan.stage1Bits;
    for (int i = 0; i < bits.length; i++) {
      if ((i & (CHECK_EVERY - 1)) == 0 && deadline.expired()) {
        return null;
      }
      if (bits[i]) {
        addXFromBase(xa, za, xa, za, xb, zb);
        doubleX(xb, zb, xb, zb);
      } else {
        addXFromBase(xb, zb, xa, za, xb, zb);
        doubleX(xa, za, xa, za);
      }
    }
    BigInteger g = mont.gcdWithModulus(za);
    if (!g.equals(BigInteger.ONE)) {
      return g;
    }
    return stage2(xa, za, plan);
  }

  private BigInteger stage2(long[] xq, long[] zq, EcmPlan plan) {
    int babyCount = EcmPlan.BABY_STEPS.length;
    long[][] babyX = new long[babyCount][];
    long[][] babyZ = new long[babyCount][];
    long[][] babyXz = new long[babyCount][];
    long[] x2 = mont.newResidue();
    long[] z2 = mont.newResidue();
    doubleX(x2, z2, xq, zq);
    long[] xPrev = xq.clone();
    long[] zPrev = zq.clone();
    long[] xCur = xq.clone();
    long[] zCur = zq.clone();
    long[] xNext = mont.newResidue();
    long[] zNext = mont.newResidue();
    int baby = 0;
    for (int i = 1; ; i += 2) {
      if (baby < babyCount && EcmPlan.BABY_STEPS[baby] == i) {
        babyX[baby] = xCur.clone();
        babyZ[baby] = zCur.clone();
        babyXz[baby] = mont.newResidue();
        mont.multiply(babyXz[baby], xCur, zCur);
        baby++;
      }
      if (i == EcmPlan.WHEEL / 2) {
        break;
      }
      addX(xNext, zNext, xCur, zCur, x2, z2, xPrev, zPrev);
      long[] swapX = xPrev;
      long[] swapZ = zPrev;
      xPrev = xCur;
      zPrev = zCur;
      xCur = xNext;
      zCur = zNext;
      xNext = swapX;
      zNext = swapZ;
    }
    long[] xg = mont.newResidue();
    long[] zg = mont.newResidue();
    doubleX(xg, zg, xCur, zCur);
    long[] xa = xg.clone();
    long[] za = zg.clone();
    long[] xb = mont.newResidue();
    long[] zb = mont.newResidue();
    doubleX(xb, zb, xg, zg);
    int j0 = plan.firstGiant;
    for (int bit = 30 - Integer.numberOfLeadingZeros(j0); bit >= 0; bit--) {
      ladderStep((j0 >>> bit & 1) != 0, xa, za, xb, zb, xg, zg);
    }
    long[] product = zq.clone();
    long[] xz = mont.newResidue();
    int[] masks = plan.pairMasks;
    for (int j = 0; j < masks.length; j++) {
      if ((j & (CHECK_EVERY - 1)) == 0 && deadline.expired()) {
        return null;
      }
      int mask = masks[j];
      if (mask != 0) {
        mont.multiply(xz, xa, za);
        while (mask != 0) {
          int t = Integer.numberOfTrailingZeros(mask);
          mask &= mask - 1;
          // (xa - xb)(za + zb) - xa za + xb zb = xa zb - xb za
          mont.subtract(t1, xa, babyX[t]);
          mont.add(t2, za, babyZ[t]);
          mont.multiply(t1, t1, t2);
          mont.subtract(t1, t1, xz);
          mont.add(t1, t1, babyXz[t]);
          mont.multiply(product, product, t1);
        }
      }
      addX(xNext, zNext, xb, zb, xg, zg, xa, za);
      long[] swapX = xa;
      long[] swapZ = za;
      xa = xb;
      za = zb;
      xb = xNext;
      zb = zNext;
      xNext = swapX;
      zNext = swapZ;
    }
    return mont.gcdWithModulus(product);
  }

  /** One Montgomery ladder step on ([m]G, [m + 1]G) with difference G = (xd : zd). */
  private void ladderStep(
      boolean bit, long[] xa, long[] za, long[] xb, long[] zb, long[] xd, long[] zd) {
    if (bit) {
      addX(xa, za, xa, za, xb, zb, xd, zd);
      doubleX(xb, zb, xb, zb);
    } else {
      addX(xb, zb, xa, za, xb, zb, xd, zd);
      doubleX(xa, za, xa, za);
    }
  }

  /** (rx : rz) = 2 (x : z) on the curve normalized to C24 = 1; may alias the operand. */
  private void doubleX(long[] rx, long[] rz, long[] x, long[] z) {
    mont.add(t1, x, z);
    mont.subtract(t2, x, z);
    mont.multiply(t1, t1, t1); // (x + z)^2
    mont.multiply(t2, t2, t2); // (x - z)^2
    mont.subtract(t3, t1, t2); // 4 x z
    mont.multiply(rx, t1, t2);
    mont.multiply(t5, a24, t3);
    mont.add(t5, t5, t2);
    mont.multiply(rz, t3, t5);
  }

  /** Like {@link #addX} with the base point (x0 : 1) as the difference; may alias operands. */
  private void addXFromBase(long[] rx, long[] rz, long[] x1, long[] z1, long[] x2, long[] z2) {
    mont.subtract(t1, x1, z1);
    mont.add(t2, x2, z2);
    mont.multiply(t1, t1, t2);
    mont.add(t3, x1, z1);
    mont.subtract(t4, x2, z2);
    mont.multiply(t3, t3, t4);
    mont.add(t5, t1, t3);
    mont.subtract(t6, t1, t3);
    mont.multiply(t6, t6, t6);
    mont.multiply(rz, t6, x0);
    mont.multiply(rx, t5, t5);
  }

  /** (rx : rz) = (x1 : z1) + (x2 : z2) given their difference (xd : zd); may alias operands. */
  private void addX(
      long[] rx, long[] rz, long[] x1, long[] z1, long[] x2, long[] z2, long[] xd, long[] zd) {
    mont.subtract(t1, x1, z1);
    mont.add(t2, x2, z2);
    mont.multiply(t1, t1, t2);
    mont.add(t3, x1, z1);
    mont.subtract(t4, x2, z2);
    mont.multiply(t3, t3, t4);
    mont.add(t5, t1, t3);
    mont.subtract(t6, t1, t3);
    mont.multiply(t5, t5, t5);
    mont.multiply(t6, t6, t6);
    mont.multiply(t5, t5, zd);
    mont.multiply(rz, t6, xd);
    System.arraycopy(t5, 0, rx, 0, rx.length);
  }

  private static void copy(long[] dst, long[] src) {
    System.arraycopy(src, 0, dst, 0, src.length);
  }
}
