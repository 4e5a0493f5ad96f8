package io.factorfleet.engine;

/**
 * Stage 2 of {@code Ecm64}'s curves: a baby-step giant-step continuation from Q = [k]P up to B2
 * with wheel {@value EcmPlan#WHEEL}, whose baby and giant points are scaled to Z = 1 together by
 * one inversion (Montgomery's trick), so that each (giant, baby) pair costs one multiply.
 *
 * <p>The points live in the caller's per-thread array: X and Z of each baby point, then of each
 * giant point, then the running products of the Z coordinates, then four longs of scratch at {@code
 * scratch} for the results of {@link Curve64}.
 */
final class Ecm64Stage2 {

  private static final int BABIES = EcmPlan.BABY_STEPS.length;

  private Ecm64Stage2() {}

  /** The length of the points array for plans of at most maxGiants giant steps. */
  static int pointsLength(int maxGiants) {
    return scratchIndex(maxGiants) + 4;
  }

  /** Where the four longs of scratch start in such an array. */
  static int scratchIndex(int maxGiants) {
    return 3 * (BABIES + maxGiants);
  }

  /**
   * Returns gcd(n, the product of x_g - x_b over the pairs of the plan), for Q = (xq : zq) on the
   * curve a24: a factor, 1 or n.
   */
  static long run(
      long xq,
      long zq,
      long a24,
      EcmPlan plan,
      long n,
      long nInverse,
      long rCubed,
      long[] points,
      int scratch) {
    storeBabies(xq, zq, a24, n, nInverse, points, scratch);
    // the babies end at [WHEEL / 2]Q; the giant step is twice that
    Curve64.doublePoint(points[scratch], points[scratch + 1], a24, n, nInverse, points, scratch);
    long xg = points[scratch];
    long zg = points[scratch + 1];
    Curve64.multiples(xg, zg, plan.firstGiant, a24, n, nInverse, points, scratch);
    int giants = plan.pairMasks.length;
    storeGiants(
        points[scratch],
        points[scratch + 1],
        points[scratch + 2],
        points[scratch + 3],
        xg,
        zg,
        giants,
        n,
        nInverse,
        points);
    // With every point scaled to Z = 1, each (giant, baby) pair costs one multiply: the product
    // of the x-coordinate differences, instead of two for the projective cross difference.
    // The pairs start at the first giant step, so primes q in (B1, WHEEL / 2) have no pair; they
    // are baby indices, and if [q]Q is the identity mod p, its Z is 0 mod p: the inversion below
    // multiplies every baby's Z and then fails, and its gcd returns the factor.
    long failure = normalize(points, BABIES + giants, n, nInverse, rCubed);
    if (failure != 0) {
      return failure;
    }
    return pairUp(zq, plan.pairMasks, n, nInverse, points);
  }

  /**
   * Stores [i]Q for every baby step i, walking over the odd multiples i = 1, 3, ..., WHEEL / 2 with
   * [2]Q as the step, and leaves [WHEEL / 2]Q at points[scratch], points[scratch + 1]. The walk
   * spells out {@link Curve64#addPoints}, as the giant steps do, to keep the points in registers.
   */
  private static void storeBabies(
      long xq, long zq, long a24, long n, long nInverse, long[] points, int scratch) {
    Curve64.doublePoint(xq, zq, a24, n, nInverse, points, scratch);
    long x2 = points[scratch];
    long z2 = points[scratch + 1];
    long xPrev = xq; // [i - 2]Q, starting with [-1]Q = [1]Q
    long zPrev = zq;
    long xCur = xq; // [i]Q
    long zCur = zq;
    int baby = 0;
    for (int i = 1; i <= EcmPlan.WHEEL / 2; i += 2) {
      if (baby < BABIES && EcmPlan.BABY_STEPS[baby] == i) {
        points[2 * baby] = xCur;
        points[2 * baby + 1] = zCur;
        baby++;
      }
      if (i == EcmPlan.WHEEL / 2) {
        break;
      }
      long d1 = LazyMontgomery64.subtract(xCur, zCur, n);
      long s1 = LazyMontgomery64.add(xCur, zCur, n);
      long p = LazyMontgomery64.multiply(d1, LazyMontgomery64.add(x2, z2, n), n, nInverse);
      long q = LazyMontgomery64.multiply(s1, LazyMontgomery64.subtract(x2, z2, n), n, nInverse);
      long ps = LazyMontgomery64.add(p, q, n);
      long pd = LazyMontgomery64.subtract(p, q, n);
      long xNext =
          LazyMontgomery64.multiply(
              zPrev, LazyMontgomery64.multiply(ps, ps, n, nInverse), n, nInverse);
      long zNext =
          LazyMontgomery64.multiply(
              xPrev, LazyMontgomery64.multiply(pd, pd, n, nInverse), n, nInverse);
      xPrev = xCur;
      zPrev = zCur;
      xCur = xNext;
      zCur = zNext;
    }
    points[scratch] = xCur;
    points[scratch + 1] = zCur;
  }

  /**
   * From (xa, za) = [j]G and (xb, zb) = [j + 1]G, stores every giant point the plan pairs with
   * babies after the babies: each next one is [j + 2]G = [j + 1]G + G with difference [j]G. The hot
   * loop of the giant steps, with {@link Curve64#addPoints} spelled out.
   */
  private static void storeGiants(
      long xa,
      long za,
      long xb,
      long zb,
      long xg,
      long zg,
      int giants,
      long n,
      long nInverse,
      long[] points) {
    for (int j = 0; j < giants; j++) {
      points[2 * (BABIES + j)] = xa;
      points[2 * (BABIES + j) + 1] = za;
      long d1 = LazyMontgomery64.subtract(xb, zb, n);
      long s1 = LazyMontgomery64.add(xb, zb, n);
      long p = LazyMontgomery64.multiply(d1, LazyMontgomery64.add(xg, zg, n), n, nInverse);
      long q = LazyMontgomery64.multiply(s1, LazyMontgomery64.subtract(xg, zg, n), n, nInverse);
      long ps = LazyMontgomery64.add(p, q, n);
      long pd = LazyMontgomery64.subtract(p, q, n);
      long xNext =
          LazyMontgomery64.multiply(
              za, LazyMontgomery64.multiply(ps, ps, n, nInverse), n, nInverse);
      long zNext =
          LazyMontgomery64.multiply(
              xa, LazyMontgomery64.multiply(pd, pd, n, nInverse), n, nInverse);
      xa = xb;
      za = zb;
      xb = xNext;
      zb = zNext;
    }
  }

  /**
   * Replaces each of the count points (X, Z) stored in pairs at the start of points by (X / Z, 1),
   * with one inversion for all (Montgomery's simultaneous inversion), keeping running products of
   * the Z coordinates after the points. Returns 0, or the gcd of n with a Z that is not invertible
   * (a factor, or n).
   */
  private static long normalize(long[] points, int count, long n, long nInverse, long rCubed) {
    int products = 2 * count;
    long running = points[1];
    points[products] = running;
    for (int i = 1; i < count; i++) {
      running = LazyMontgomery64.multiply(running, points[2 * i + 1], n, nInverse);
      points[products + i] = running;
    }
    long all = LazyMontgomery64.canonical(running, n);
    long inverse = Montgomery64.inverse(all, rCubed, n, nInverse);
    if (inverse == 0) {
      return Montgomery64.gcd(all, n);
    }
    for (int i = count - 1; i > 0; i--) {
      // inverse = 1 / (Z_0 ... Z_i): times Z_0 ... Z_(i-1) gives 1 / Z_i
      long zInverse = LazyMontgomery64.multiply(inverse, points[products + i - 1], n, nInverse);
      inverse = LazyMontgomery64.multiply(inverse, points[2 * i + 1], n, nInverse);
      points[2 * i] = LazyMontgomery64.multiply(points[2 * i], zInverse, n, nInverse);
    }
    points[0] = LazyMontgomery64.multiply(points[0], inverse, n, nInverse);
    return 0;
  }

  /**
   * Returns gcd(n, start times the product of x_g - x_b over the pairs the masks select), the
   * points normalized. The hot loop of the pairing.
   */
  private static long pairUp(long start, int[] masks, long n, long nInverse, long[] points) {
    long product = start;
    for (int j = 0; j < masks.length; j++) {
      long x = points[2 * (BABIES + j)];
      for (int mask = masks[j]; mask != 0; mask &= mask - 1) {
        int t = Integer.numberOfTrailingZeros(mask);
        product =
            LazyMontgomery64.multiply(
                product, LazyMontgomery64.subtract(x, points[2 * t], n), n, nInverse);
      }
    }
    return Montgomery64.gcd(LazyMontgomery64.canonical(product, n), n);
  }
}
