package io.factorfleet.engine;

import java.math.BigInteger;

/**
 * Stage 2 of an ECM curve in multi-word arithmetic: a baby-step giant-step continuation up to B2
 * with wheel {@value EcmPlan#WHEEL}, in projective coordinates, two multiplies per (giant, baby)
 * pair. Not thread-safe: one instance per number.
 */
final class WideEcmStage2 {

  private static final int BABIES = EcmPlan.BABY_STEPS.length;

  private final WideMontgomery mont;
  private final WideCurve curve;
  private final Deadline deadline;

  /** X, Z and X Z of each baby point. */
  private final long[][] babyX = new long[BABIES][];

  private final long[][] babyZ = new long[BABIES][];
  private final long[][] babyXz = new long[BABIES][];
  private final long[] t1;
  private final long[] t2;

  WideEcmStage2(WideMontgomery mont, WideCurve curve, Deadline deadline) {
    this.mont = mont;
    this.curve = curve;
    this.deadline = deadline;
    this.t1 = mont.newResidue();
    this.t2 = mont.newResidue();
  }

  /**
   * Returns gcd(n, the product of the cross differences over the pairs of the plan) from Q = (xq :
   * zq), a factor, 1 or n; or null when the deadline expired.
   */
  BigInteger run(long[] xq, long[] zq, EcmPlan plan) {
    long[][] chain = storeBabies(xq, zq);
    // the babies end at [WHEEL / 2]Q; the giant step G is twice that
    long[] xg = mont.newResidue();
    long[] zg = mont.newResidue();
    curve.doubleX(xg, zg, chain[WideCurve.CURRENT_X], chain[WideCurve.CURRENT_Z]);
    long[] xa = xg.clone();
    long[] za = zg.clone();
    long[] xb = mont.newResidue();
    long[] zb = mont.newResidue();
    curve.doubleX(xb, zb, xg, zg);
    int j0 = plan.firstGiant;
    for (int bit = 30 - Integer.numberOfLeadingZeros(j0); bit >= 0; bit--) {
      curve.ladderStep((j0 >>> bit & 1) != 0, xa, za, xb, zb, xg, zg);
    }
    // the giant chain from ([j0]G, [j0 + 1]G), its free arrays taken over from the baby walk
    long[][] giants = {
      xa, za, xb, zb, chain[WideCurve.NEXT_X], chain[WideCurve.NEXT_Z],
    };
    return pairUp(giants, xg, zg, zq.clone(), plan.pairMasks);
  }

  /**
   * Stores [i]Q for every baby step i, walking over the odd multiples up to WHEEL / 2 with [2]Q as
   * the step; returns the chain of the walk, whose current point is [WHEEL / 2]Q.
   */
  private long[][] storeBabies(long[] xq, long[] zq) {
    long[] x2 = mont.newResidue();
    long[] z2 = mont.newResidue();
    curve.doubleX(x2, z2, xq, zq);
    // [i - 2]Q, starting with [-1]Q = [1]Q, then [i]Q, then room for [i + 2]Q
    long[][] chain = {
      xq.clone(), zq.clone(), xq.clone(), zq.clone(), mont.newResidue(), mont.newResidue(),
    };
    int baby = 0;
    for (int i = 1; ; i += 2) {
      if (baby < BABIES && EcmPlan.BABY_STEPS[baby] == i) {
        long[] xCur = chain[WideCurve.CURRENT_X];
        long[] zCur = chain[WideCurve.CURRENT_Z];
        babyX[baby] = xCur.clone();
        babyZ[baby] = zCur.clone();
        babyXz[baby] = mont.newResidue();
        mont.multiply(babyXz[baby], xCur, zCur);
        baby++;
      }
      if (i == EcmPlan.WHEEL / 2) {
        return chain;
      }
      curve.step(chain, x2, z2);
    }
  }

  /**
   * Walks the giant chain, [j]G from the first giant step on, and multiplies into product, for each
   * pair the masks select, the cross difference X_g Z_b - X_b Z_g; returns its gcd with n, or null
   * when the deadline expired.
   */
  private BigInteger pairUp(long[][] giants, long[] xg, long[] zg, long[] product, int[] masks) {
    long[] xz = mont.newResidue();
    for (int j = 0; j < masks.length; j++) {
      if ((j & (WideEcmStage1.CHECK_EVERY - 1)) == 0 && deadline.expired()) {
        return null;
      }
      int mask = masks[j];
      if (mask != 0) {
        long[] xa = giants[WideCurve.PREVIOUS_X];
        long[] za = giants[WideCurve.PREVIOUS_Z];
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
      curve.step(giants, xg, zg);
    }
    return mont.gcdWithModulus(product);
  }
}
