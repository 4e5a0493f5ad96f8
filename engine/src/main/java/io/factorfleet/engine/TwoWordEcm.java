package io.factorfleet.engine;

import java.math.BigInteger;

/**
 * One ECM curve (stage 1 and stage 2) modulo a number of 65 to 128 bits, in {@link
 * TwoWordMontgomery} arithmetic: the curve schedule and parameters come from {@link WideEcm}. Every
 * coordinate is a pair of long locals (low word "0", high word "1"); arrays hold only what stage 2
 * stores (baby and giant points) and the state carried from one call of a loop to the next. The
 * loops spell each step out instead of calling helpers, because a helper could hand back only one
 * word of a point. Not thread-safe: one instance per number.
 */
final class TwoWordEcm {

  private static final int BABIES = EcmPlan.BABY_STEPS.length;

  /** Stage-1 ladder steps per call, between deadline checks. */
  private static final int LADDER_CHUNK = 32;

  /** Giant steps per block, which shares one inversion. */
  private static final int GIANT_BLOCK = 512;

  /** Giant steps per call of the giant-step and pairing loops. */
  private static final int GIANT_CHUNK = 32;

  private final TwoWordMontgomery mont;
  private final Deadline deadline;

  /** Where the stage-1 ladder stands between chunks: [k]P and [k + 1]P, X and Z of each. */
  private final long[] ladderState = new long[8];

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
    long[] masks = plan.stage1Masks;
    long[] state = ladderState;
    state[0] = xb0;
    state[1] = xb1;
    state[2] = one0;
    state[3] = one1;
    state[4] = resultX0;
    state[5] = resultX1;
    state[6] = resultZ0;
    state[7] = resultZ1;
    for (int from = 0; from < masks.length; from += LADDER_CHUNK) {
      if (deadline.expired()) {
        return null;
      }
      ladder(xb0, xb1, masks, from, Math.min(masks.length, from + LADDER_CHUNK));
    }
    resultX0 = state[0];
    resultX1 = state[1];
    resultZ0 = state[2];
    resultZ1 = state[3];
    BigInteger g = m.gcdWithModulus(resultZ0, resultZ1);
    if (!g.equals(BigInteger.ONE)) {
      return g;
    }
    return stage2(resultX0, resultX1, resultZ0, resultZ1, plan);
  }

  /**
   * Stage 1, steps from to to - 1: the Montgomery ladder with P = (xb : 1) over the bits of the
   * stage-1 multiplier k given as masks, continuing from ([k']P, [k' + 1]P) in ladderState. A
   * method of its own, apart from the set-up, because the JIT inlines at most 8000 bytecodes into
   * one method and each inlined multiply counts about 600; called per chunk of steps, because the
   * JIT compiles a method after a few hundred calls but a loop only after about 100,000 iterations
   * (about 35 curves), which a short input never leaves.
   */
  private void ladder(long xb0, long xb1, long[] masks, int from, int to) {
    TwoWordMontgomery m = mont;
    long[] state = ladderState;
    long xa0 = state[0];
    long xa1 = state[1];
    long za0 = state[2];
    long za1 = state[3];
    long x10 = state[4];
    long x11 = state[5];
    long z10 = state[6];
    long z11 = state[7];
    long c0 = a24Low;
    long c1 = a24High;
    for (int i = from; i < to; i++) {
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
    state[0] = xa0;
    state[1] = xa1;
    state[2] = za0;
    state[3] = za1;
    state[4] = x10;
    state[5] = x11;
    state[6] = z10;
    state[7] = z11;
  }

  /**
   * Baby-step giant-step continuation from Q = (xq : zq): with every baby point [i]Q and giant
   * point [j WHEEL]Q normalized to Z = 1, multiplies together x_g - x_b for each pair that the plan
   * selects, and returns the gcd of the product with n (or null when the deadline expired).
   * Normalizing costs four multiplies per point and one inversion per block of giant steps, and
   * saves one multiply per pair, of which there are about fifteen per giant step.
   */
  private BigInteger stage2(long xq0, long xq1, long zq0, long zq1, EcmPlan plan) {
    storeBabies(xq0, xq1, zq0, zq1);
    // the babies end at [WHEEL / 2]Q, left in the result fields; the giant step is twice that
    doublePoint(resultX0, resultX1, resultZ0, resultZ1);
    long xg0 = resultX0;
    long xg1 = resultX1;
    long zg0 = resultZ0;
    long zg1 = resultZ1;
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
        babyX[2 * baby] = xCur0;
        babyX[2 * baby + 1] = xCur1;
        babyZ[2 * baby] = zCur0;
        babyZ[2 * baby + 1] = zCur1;
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

  /**
   * Sets the giant chain to ([j0]G, [j0 + 1]G) for the giant step G = (xg : zg), by a Montgomery
   * ladder over the bits of j0.
   */
  private void startGiants(long xg0, long xg1, long zg0, long zg1, int j0) {
    long xa0 = xg0;
    long xa1 = xg1;
    long za0 = zg0;
    long za1 = zg1;
    doublePoint(xg0, xg1, zg0, zg1);
    long xb0 = resultX0;
    long xb1 = resultX1;
    long zb0 = resultZ0;
    long zb1 = resultZ1;
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
    long[] chain = giantChain;
    chain[0] = xa0;
    chain[1] = xa1;
    chain[2] = za0;
    chain[3] = za1;
    chain[4] = xb0;
    chain[5] = xb1;
    chain[6] = zb0;
    chain[7] = zb1;
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
