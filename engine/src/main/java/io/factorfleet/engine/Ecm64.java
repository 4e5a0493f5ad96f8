package io.factorfleet.engine;

/**
 * Lenstra's elliptic curve method for odd unsigned 64-bit composites: the schedule of curves and
 * bounds. The curves ({@link Curve64}) are Montgomery curves in x-only projective coordinates with
 * Suyama's parametrization (torsion of order 12), in Montgomery arithmetic with lazy reduction
 * ({@link LazyMontgomery64}), each normalized to a start point (x0 : 1) and C24 = 1 by one
 * inversion. Stage 1 ({@link Ecm64Stage1}) is a Montgomery ladder over the product of all prime
 * powers up to B1; stage 2 ({@link Ecm64Stage2}) is a baby-step giant-step continuation up to B2,
 * whose baby and giant points are scaled to Z = 1 together by a second inversion.
 */
final class Ecm64 {

  /**
   * Curves run with growing B1, so that the small factors common in random inputs are found by
   * cheap curves; LEVEL_CURVES[i] curves run at PLANS[i], the last level until success.
   */
  private static final EcmPlan[] PLANS = {
    new EcmPlan(27, 27 * 50),
    new EcmPlan(47, 47 * 50),
    new EcmPlan(85, 85 * 50),
    new EcmPlan(125, 125 * 50),
    new EcmPlan(205, 205 * 50)
  };

  private static final int[] LEVEL_CURVES = {1, 1, 2, 1, 300};

  /** Giant steps of the plan with the largest B2. */
  private static final int MAX_GIANTS = maxGiants();

  /** Where the results of {@link Curve64} and the stages go in the points array. */
  private static final int SCRATCH = Ecm64Stage2.scratchIndex(MAX_GIANTS);

  /**
   * Per-thread storage, laid out by {@link Ecm64Stage2}: X and Z of each baby point, then of each
   * giant point, then the running products of the Z coordinates for the batch inversion, then the
   * scratch.
   */
  private static final ThreadLocal<long[]> STAGE2_POINTS =
      ThreadLocal.withInitial(() -> new long[Ecm64Stage2.pointsLength(MAX_GIANTS)]);

  private Ecm64() {}

  /** Returns a non-trivial factor of the odd composite n, which must be above 2^32. */
  static long findFactor(long n) {
    int bits = 64 - Long.numberOfLeadingZeros(n);
    // the smallest factor has at most bits / 2 bits: skip levels made for smaller ones
    int firstLevel = bits <= 44 ? 0 : bits <= 52 ? 1 : bits <= 58 ? 2 : 3;
    long nInverse = Montgomery64.inverse(n);
    long rSquared = Montgomery64.rSquared(n);
    long rCubed = Montgomery64.multiply(rSquared, rSquared, n, nInverse);
    long[] points = STAGE2_POINTS.get();
    long sigma = 6;
    for (int level = firstLevel; level < PLANS.length; level++) {
      for (int curve = 0; curve < LEVEL_CURVES[level]; curve++) {
        long factor = tryCurve(n, nInverse, rSquared, rCubed, sigma++, PLANS[level], points);
        if (factor != 1 && factor != n) {
          return factor;
        }
      }
    }
    return PollardRho64.findFactor(n);
  }

  /** Runs one curve; returns the gcd found, a factor, 1 or n. */
  private static long tryCurve(
      long n, long nInverse, long rSquared, long rCubed, long sigma, EcmPlan plan, long[] points) {
    long failure = Curve64.start(sigma, n, nInverse, rSquared, rCubed, points, SCRATCH);
    if (failure != 0) {
      return failure;
    }
    long x0 = points[SCRATCH];
    long a24 = points[SCRATCH + 1];
    Ecm64Stage1.run(x0, a24, plan, n, nInverse, points, SCRATCH);
    long xq = points[SCRATCH];
    long zq = points[SCRATCH + 1];
    long g = Montgomery64.gcd(LazyMontgomery64.canonical(zq, n), n);
    if (g != 1) {
      return g;
    }
    return Ecm64Stage2.run(xq, zq, a24, plan, n, nInverse, rCubed, points, SCRATCH);
  }

  private static int maxGiants() {
    int most = 0;
    for (EcmPlan plan : PLANS) {
      most = Math.max(most, plan.pairMasks.length);
    }
    return most;
  }
}
