package io.factorfleet.engine;

/**
 * Lenstra's elliptic curve method for odd unsigned 64-bit composites, on Montgomery curves in
 * x-only projective coordinates with Suyama's parametrization (torsion of order 12), using
 * Montgomery arithmetic with lazy reduction ({@link LazyMontgomery64}). Each curve is normalized to
 * a start point (x0 : 1) and C24 = 1 by one inversion. Stage 1 is a Montgomery ladder over the
 * product of all prime powers up to B1; stage 2 is a baby-step giant-step continuation up to B2,
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

  private static final int BABIES = EcmPlan.BABY_STEPS.length;

  /** Giant steps of the plan with the largest B2. */
  private static final int MAX_GIANTS = maxGiants();

  /**
   * Per-thread stage-2 storage: X and Z of each baby point, then of each giant point, then the
   * running products of the Z coordinates for the batch inversion.
   */
  private static final ThreadLocal<long[]> STAGE2_POINTS =
      ThreadLocal.withInitial(() -> new long[3 * (BABIES + MAX_GIANTS)]);

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

  private static long tryCurve(
      long n, long nInverse, long rSquared, long rCubed, long sigma, EcmPlan plan, long[] points) {
    long s = Montgomery64.toMontgomery(sigma, rSquared, n, nInverse);
    long five = Montgomery64.toMontgomery(5, rSquared, n, nInverse);
    long u = LazyMontgomery64.subtract(LazyMontgomery64.multiply(s, s, n, nInverse), five, n);
    long v = LazyMontgomery64.add(s, s, n);
    v = LazyMontgomery64.add(v, v, n);
    long u3 =
        LazyMontgomery64.multiply(LazyMontgomery64.multiply(u, u, n, nInverse), u, n, nInverse);
    long v3 =
        LazyMontgomery64.multiply(LazyMontgomery64.multiply(v, v, n, nInverse), v, n, nInverse);
    long vMinusU = LazyMontgomery64.subtract(v, u, n);
    long vMinusU3 =
        LazyMontgomery64.multiply(
            LazyMontgomery64.multiply(vMinusU, vMinusU, n, nInverse), vMinusU, n, nInverse);
    long threeUPlusV =
        LazyMontgomery64.add(LazyMontgomery64.add(LazyMontgomery64.add(u, u, n), u, n), v, n);
    long a24 = LazyMontgomery64.multiply(vMinusU3, threeUPlusV, n, nInverse);
    long c24 = LazyMontgomery64.multiply(u3, v, n, nInverse);
    for (int i = 0; i < 4; i++) {
      c24 = LazyMontgomery64.add(c24, c24, n);
    }
    // One inversion turns the start point into (x0 : 1) and the curve constant into
    // (A + 2) / 4 = a24 / c24, which saves two multiplies on every ladder step.
    long denominator =
        LazyMontgomery64.canonical(LazyMontgomery64.multiply(v3, c24, n, nInverse), n);
    long inverse = Montgomery64.inverse(denominator, rCubed, n, nInverse);
    if (inverse == 0) {
      return Montgomery64.gcd(denominator, n);
    }
    long x0 =
        LazyMontgomery64.multiply(
            LazyMontgomery64.multiply(u3, c24, n, nInverse), inverse, n, nInverse);
    a24 =
        LazyMontgomery64.multiply(
            LazyMontgomery64.multiply(a24, v3, n, nInverse), inverse, n, nInverse);
    // stage 1: Montgomery ladder computing [k]P, P = (x0 : 1)
    long xa = x0;
    long za = Montgomery64.one(n);
    long x1;
    long z1;
    {
      long sum = LazyMontgomery64.add(xa, za, n);
      long dif = LazyMontgomery64.subtract(xa, za, n);
      long sq = LazyMontgomery64.multiply(sum, sum, n, nInverse);
      long dd = LazyMontgomery64.multiply(dif, dif, n, nInverse);
      long t = LazyMontgomery64.subtract(sq, dd, n);
      x1 = LazyMontgomery64.multiply(sq, dd, n, nInverse);
      z1 =
          LazyMontgomery64.multiply(
              t,
              LazyMontgomery64.add(dd, LazyMontgomery64.multiply(a24, t, n, nInverse), n),
              n,
              nInverse);
    }
    for (long mask : plan.oddStage1Masks) {
      // (xa, za) = [m]P and (x1, z1) = [m + 1]P. On a one bit the pair is swapped, so that the
      // step is always "add into the second, double the first", then swapped back: no branch on
      // the unpredictable bit.
      long sx = (xa ^ x1) & mask;
      long sz = (za ^ z1) & mask;
      xa ^= sx;
      x1 ^= sx;
      za ^= sz;
      z1 ^= sz;
      long d1 = LazyMontgomery64.subtract(xa, za, n);
      long s1 = LazyMontgomery64.add(xa, za, n);
      long d2 = LazyMontgomery64.subtract(x1, z1, n);
      long s2 = LazyMontgomery64.add(x1, z1, n);
      long p = LazyMontgomery64.multiply(d1, s2, n, nInverse);
      long q = LazyMontgomery64.multiply(s1, d2, n, nInverse);
      long ps = LazyMontgomery64.add(p, q, n);
      long pd = LazyMontgomery64.subtract(p, q, n);
      x1 = LazyMontgomery64.multiply(ps, ps, n, nInverse);
      z1 =
          LazyMontgomery64.multiply(
              x0, LazyMontgomery64.multiply(pd, pd, n, nInverse), n, nInverse);
      long ds = LazyMontgomery64.multiply(s1, s1, n, nInverse);
      long dd = LazyMontgomery64.multiply(d1, d1, n, nInverse);
      long t = LazyMontgomery64.subtract(ds, dd, n);
      xa = LazyMontgomery64.multiply(ds, dd, n, nInverse);
      za =
          LazyMontgomery64.multiply(
              t,
              LazyMontgomery64.add(dd, LazyMontgomery64.multiply(a24, t, n, nInverse), n),
              n,
              nInverse);
      sx = (xa ^ x1) & mask;
      sz = (za ^ z1) & mask;
      xa ^= sx;
      x1 ^= sx;
      za ^= sz;
      z1 ^= sz;
    }
    // the multiplier's power of 2 by plain doublings: five multiplies each, a ladder step takes ten
    for (int i = 0; i < plan.stage1Doublings; i++) {
      long sum = LazyMontgomery64.add(xa, za, n);
      long dif = LazyMontgomery64.subtract(xa, za, n);
      long ss = LazyMontgomery64.multiply(sum, sum, n, nInverse);
      long dd = LazyMontgomery64.multiply(dif, dif, n, nInverse);
      long t = LazyMontgomery64.subtract(ss, dd, n);
      xa = LazyMontgomery64.multiply(ss, dd, n, nInverse);
      za =
          LazyMontgomery64.multiply(
              t,
              LazyMontgomery64.add(dd, LazyMontgomery64.multiply(a24, t, n, nInverse), n),
              n,
              nInverse);
    }
    long g = Montgomery64.gcd(LazyMontgomery64.canonical(za, n), n);
    if (g != 1) {
      return g;
    }
    return stage2(n, nInverse, rCubed, xa, za, a24, plan, points);
  }

  private static long stage2(
      long n, long nInverse, long rCubed, long xq, long zq, long a24, EcmPlan plan, long[] points) {
    // odd multiples [i]Q, i = 1, 3, ..., WHEEL / 2, walking with [2]Q as the step
    long x2;
    long z2;
    {
      long sum = LazyMontgomery64.add(xq, zq, n);
      long dif = LazyMontgomery64.subtract(xq, zq, n);
      long ss = LazyMontgomery64.multiply(sum, sum, n, nInverse);
      long dd = LazyMontgomery64.multiply(dif, dif, n, nInverse);
      long t = LazyMontgomery64.subtract(ss, dd, n);
      x2 = LazyMontgomery64.multiply(dd, ss, n, nInverse);
      z2 =
          LazyMontgomery64.multiply(
              t,
              LazyMontgomery64.add(dd, LazyMontgomery64.multiply(a24, t, n, nInverse), n),
              n,
              nInverse);
    }
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
    // xCur, zCur now hold [WHEEL / 2]Q; the giant step is twice that
    long xg;
    long zg;
    {
      long sum = LazyMontgomery64.add(xCur, zCur, n);
      long dif = LazyMontgomery64.subtract(xCur, zCur, n);
      long ss = LazyMontgomery64.multiply(sum, sum, n, nInverse);
      long dd = LazyMontgomery64.multiply(dif, dif, n, nInverse);
      long t = LazyMontgomery64.subtract(ss, dd, n);
      xg = LazyMontgomery64.multiply(dd, ss, n, nInverse);
      zg =
          LazyMontgomery64.multiply(
              t,
              LazyMontgomery64.add(dd, LazyMontgomery64.multiply(a24, t, n, nInverse), n),
              n,
              nInverse);
    }
    // ladder for [firstGiant]G and [firstGiant + 1]G
    long xa = xg;
    long za = zg;
    long xb;
    long zb;
    {
      long sum = LazyMontgomery64.add(xg, zg, n);
      long dif = LazyMontgomery64.subtract(xg, zg, n);
      long ss = LazyMontgomery64.multiply(sum, sum, n, nInverse);
      long dd = LazyMontgomery64.multiply(dif, dif, n, nInverse);
      long t = LazyMontgomery64.subtract(ss, dd, n);
      xb = LazyMontgomery64.multiply(dd, ss, n, nInverse);
      zb =
          LazyMontgomery64.multiply(
              t,
              LazyMontgomery64.add(dd, LazyMontgomery64.multiply(a24, t, n, nInverse), n),
              n,
              nInverse);
    }
    int j0 = plan.firstGiant;
    for (int bitIndex = 30 - Integer.numberOfLeadingZeros(j0); bitIndex >= 0; bitIndex--) {
      boolean bit = (j0 >>> bitIndex & 1) != 0;
      long d1 = LazyMontgomery64.subtract(xa, za, n);
      long s1 = LazyMontgomery64.add(xa, za, n);
      long d2 = LazyMontgomery64.subtract(xb, zb, n);
      long s2 = LazyMontgomery64.add(xb, zb, n);
      long p = LazyMontgomery64.multiply(d1, s2, n, nInverse);
      long q = LazyMontgomery64.multiply(s1, d2, n, nInverse);
      long ps = LazyMontgomery64.add(p, q, n);
      long pd = LazyMontgomery64.subtract(p, q, n);
      long xSum =
          LazyMontgomery64.multiply(
              zg, LazyMontgomery64.multiply(ps, ps, n, nInverse), n, nInverse);
      long zSum =
          LazyMontgomery64.multiply(
              xg, LazyMontgomery64.multiply(pd, pd, n, nInverse), n, nInverse);
      long ds = LazyMontgomery64.multiply(bit ? s2 : s1, bit ? s2 : s1, n, nInverse);
      long dd = LazyMontgomery64.multiply(bit ? d2 : d1, bit ? d2 : d1, n, nInverse);
      long t = LazyMontgomery64.subtract(ds, dd, n);
      long xDbl = LazyMontgomery64.multiply(dd, ds, n, nInverse);
      long zDbl =
          LazyMontgomery64.multiply(
              t,
              LazyMontgomery64.add(dd, LazyMontgomery64.multiply(a24, t, n, nInverse), n),
              n,
              nInverse);
      if (bit) {
        xa = xSum;
        za = zSum;
        xb = xDbl;
        zb = zDbl;
      } else {
        xb = xSum;
        zb = zSum;
        xa = xDbl;
        za = zDbl;
      }
    }
    // (xa, za) = [j]G, (xb, zb) = [j + 1]G: store every giant point the plan pairs with babies
    int[] masks = plan.pairMasks;
    int giants = masks.length;
    for (int j = 0; j < giants; j++) {
      points[2 * (BABIES + j)] = xa;
      points[2 * (BABIES + j) + 1] = za;
      // [j + 2]G = [j + 1]G + G with difference [j]G
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
    // With every point scaled to Z = 1, each (giant, baby) pair costs one multiply: the product
    // of the x-coordinate differences, instead of two for the projective cross difference.
    // The pairs start at the first giant step, so primes q in (B1, WHEEL / 2) have no pair; they
    // are baby indices, and if [q]Q is the identity mod p, its Z is 0 mod p: the inversion below
    // multiplies every baby's Z and then fails, and its gcd returns the factor.
    long failure = normalize(points, BABIES + giants, n, nInverse, rCubed);
    if (failure != 0) {
      return failure;
    }
    long product = zq;
    for (int j = 0; j < giants; j++) {
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

  private static int maxGiants() {
    int most = 0;
    for (EcmPlan plan : PLANS) {
      most = Math.max(most, plan.pairMasks.length);
    }
    return most;
  }
}
