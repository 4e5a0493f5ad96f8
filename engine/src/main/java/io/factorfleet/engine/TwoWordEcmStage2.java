package io.factorfleet.engine;

import java.math.BigInteger;

/**
 * Stage 2 of a two-word ECM curve: a baby-step giant-step continuation up to B2 with wheel {@value
 * EcmPlan#WHEEL}, whose giant steps run in blocks that share one inversion, and within a block in
 * chunks of calls. Arrays hold only what it stores (baby and giant points) and the state carried
 * from one call of a loop to the next. Not thread-safe: one instance per number.
 */
final class TwoWordEcmStage2 {

  private static final int BABIES = EcmPlan.BABY_STEPS.length;

  /** Giant steps per block, which shares one inversion. */
  private static final int GIANT_BLOCK = 512;

  /** Giant steps per call of the giant-step and pairing loops. */
  private static final int GIANT_CHUNK = 32;

  private final TwoWordMontgomery mont;
  private final TwoWordCurve curve;
  private final Deadline deadline;

  /** Stage-2 baby points: the words of X and of Z, then x = X / Z in babyX. */
  private final long[] babyX = new long[2 * BABIES];

  private final long[] babyZ = new long[2 * BABIES];

  /** A block of giant points, as the baby points. */
  private final long[] giantX = new long[2 * GIANT_BLOCK];

  private final long[] giantZ = new long[2 * GIANT_BLOCK];

  /** Prefix products of Z for {@link #normalize}. */
  private final long[] prefix = new long[2 * GIANT_BLOCK];

  /**
   * Where the giant chain stands between blocks: [j]G and [j + 1]G (X, Z each), then X + Z and X -
   * Z of G, two words each.
   */
  private final long[] giantChain = new long[12];

  /** The stage-2 product between blocks. */
  private long productLow;

  private long productHigh;

  TwoWordEcmStage2(TwoWordMontgomery mont, TwoWordCurve curve, Deadline deadline) {
    this.mont = mont;
    this.curve = curve;
    this.deadline = deadline;
  }

  /**
   * Baby-step giant-step continuation from Q = (xq : zq): with every baby point [i]Q and giant
   * point [j WHEEL]Q normalized to Z = 1, multiplies together x_g - x_b for each pair that the plan
   * selects, and returns the gcd of the product with n (or null when the deadline expired).
   * Normalizing costs four multiplies per point and one inversion per block of giant steps, and
   * saves one multiply per pair, of which there are about fifteen per giant step.
   */
  BigInteger run(long xq0, long xq1, long zq0, long zq1, EcmPlan plan) {
    TwoWordCurve c = curve;
    storeBabies(xq0, xq1, zq0, zq1);
    // the babies end at [WHEEL / 2]Q, left in the result fields; the giant step is twice that
    c.doublePoint(c.resultX0, c.resultX1, c.resultZ0, c.resultZ1);
    long xg0 = c.resultX0;
    long xg1 = c.resultX1;
    long zg0 = c.resultZ0;
    long zg1 = c.resultZ1;
    BigInteger failed = normalize(babyX, babyZ, BABIES);
    if (failed != null) {
      return failed;
    }
    startGiants(xg0, xg1, zg0, zg1, plan.firstGiant);
    productLow = zq0;
    productHigh = zq1;
    int[] pairMasks = plan.pairMasks;
    for (int start = 0; start < pairMasks.length; start += GIANT_BLOCK) {
      if (deadline.expired()) {
        return null;
      }
      int count = Math.min(GIANT_BLOCK, pairMasks.length - start);
      // in chunks of calls, for the JIT, as in stage 1
      for (int from = 0; from < count; from += GIANT_CHUNK) {
        nextGiants(from, Math.min(count, from + GIANT_CHUNK));
      }
      failed = normalize(giantX, giantZ, count);
      if (failed != null) {
        return failed;
      }
      for (int from = 0; from < count; from += GIANT_CHUNK) {
        pairUp(pairMasks, start, from, Math.min(count, from + GIANT_CHUNK));
      }
    }
    return mont.gcdWithModulus(productLow, productHigh);
  }

  /** Stores [i]Q for every baby step i, walking over the odd multiples with [2]Q as the step. */
  private void storeBabies(long xq0, long xq1, long zq0, long zq1) {
    TwoWordCurve c = curve;
    c.doublePoint(xq0, xq1, zq0, zq1);
    long x20 = c.resultX0;
    long x21 = c.resultX1;
    long z20 = c.resultZ0;
    long z21 = c.resultZ1;
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
        babyX[2 * baby] = xCur0;
        babyX[2 * baby + 1] = xCur1;
        babyZ[2 * baby] = zCur0;
        babyZ[2 * baby + 1] = zCur1;
        baby++;
      }
      if (i == EcmPlan.WHEEL / 2) {
        break;
      }
      c.addPoints(xCur0, xCur1, zCur0, zCur1, x20, x21, z20, z21, xPrev0, xPrev1, zPrev0, zPrev1);
      xPrev0 = xCur0;
      xPrev1 = xCur1;
      zPrev0 = zCur0;
      zPrev1 = zCur1;
      xCur0 = c.resultX0;
      xCur1 = c.resultX1;
      zCur0 = c.resultZ0;
      zCur1 = c.resultZ1;
    }
    c.resultX0 = xCur0;
    c.resultX1 = xCur1;
    c.resultZ0 = zCur0;
    c.resultZ1 = zCur1;
  }

  /**
   * Sets the giant chain to ([j0]G, [j0 + 1]G) for the giant step G = (xg : zg), followed by X + Z
   * and X - Z of G.
   */
  private void startGiants(long xg0, long xg1, long zg0, long zg1, int j0) {
    long[] chain = giantChain;
    curve.multiples(xg0, xg1, zg0, zg1, j0, chain);
    long gSum0 = mont.add(xg0, xg1, zg0, zg1);
    chain[9] = mont.high;
    chain[8] = gSum0;
    long gDifference0 = mont.subtract(xg0, xg1, zg0, zg1);
    chain[11] = mont.high;
    chain[10] = gDifference0;
  }

  /**
   * Stores the next giant points of the chain at indices from to to - 1 of giantX and giantZ and
   * advances the chain: each is [j + 2]G = [j + 1]G + G, whose difference is [j]G, six multiplies.
   */
  private void nextGiants(int from, int to) {
    TwoWordMontgomery m = mont;
    long[] chain = giantChain;
    long xa0 = chain[0];
    long xa1 = chain[1];
    long za0 = chain[2];
    long za1 = chain[3];
    long xb0 = chain[4];
    long xb1 = chain[5];
    long zb0 = chain[6];
    long zb1 = chain[7];
    long gSum0 = chain[8];
    long gSum1 = chain[9];
    long gDif0 = chain[10];
    long gDif1 = chain[11];
    long[] xs = giantX;
    long[] zs = giantZ;
    for (int k = 2 * from; k < 2 * to; k += 2) {
      xs[k] = xa0;
      xs[k + 1] = xa1;
      zs[k] = za0;
      zs[k + 1] = za1;
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
    chain[0] = xa0;
    chain[1] = xa1;
    chain[2] = za0;
    chain[3] = za1;
    chain[4] = xb0;
    chain[5] = xb1;
    chain[6] = zb0;
    chain[7] = zb1;
  }

  /**
   * Replaces each of the count points (xs[k] : zs[k]) by x / z, with one inversion for all of them
   * (Montgomery's trick: the prefix products, one inversion, then back through the prefixes).
   * Returns null on success, else gcd(z_1 ... z_count, n), which is then a factor or n.
   */
  private BigInteger normalize(long[] xs, long[] zs, int count) {
    TwoWordMontgomery m = mont;
    long[] prefixes = prefix;
    long c0 = zs[0];
    long c1 = zs[1];
    prefixes[0] = c0;
    prefixes[1] = c1;
    for (int k = 2; k < 2 * count; k += 2) {
      c0 = m.multiply(c0, c1, zs[k], zs[k + 1]);
      c1 = m.high;
      prefixes[k] = c0;
      prefixes[k + 1] = c1;
    }
    BigInteger common = m.gcdWithModulus(c0, c1);
    if (!common.equals(BigInteger.ONE)) {
      return common;
    }
    long inverse0 = m.inverse(c0, c1); // 1 / (z_1 ... z_count)
    long inverse1 = m.high;
    for (int k = 2 * count - 2; k > 0; k -= 2) {
      long zInverse0 = m.multiply(inverse0, inverse1, prefixes[k - 2], prefixes[k - 1]);
      long zInverse1 = m.high;
      inverse0 = m.multiply(inverse0, inverse1, zs[k], zs[k + 1]);
      inverse1 = m.high;
      xs[k] = m.multiply(xs[k], xs[k + 1], zInverse0, zInverse1);
      xs[k + 1] = m.high;
    }
    xs[0] = m.multiply(xs[0], xs[1], inverse0, inverse1);
    xs[1] = m.high;
    return null;
  }

  /**
   * Multiplies x_g - x_b into the product for every pair of the normalized giants from to to - 1 of
   * the block that starts at giant step start.
   */
  private void pairUp(int[] pairMasks, int start, int from, int to) {
    TwoWordMontgomery m = mont;
    long[] xs = giantX;
    long[] baby = babyX;
    long product0 = productLow;
    long product1 = productHigh;
    for (int k = from; k < to; k++) {
      long x0 = xs[2 * k];
      long x1 = xs[2 * k + 1];
      for (int pairs = pairMasks[start + k]; pairs != 0; pairs &= pairs - 1) {
        int b = 2 * Integer.numberOfTrailingZeros(pairs);
        long d0 = m.subtract(x0, x1, baby[b], baby[b + 1]);
        long d1 = m.high;
        product0 = m.multiply(product0, product1, d0, d1);
        product1 = m.high;
      }
    }
    productLow = product0;
    productHigh = product1;
  }
}
