package io.factorfleet.engine;

/**
 * Stage 1 of {@code Ecm64}'s curves: [k]P for the start point P = (x0 : 1) and the product k of all
 * prime powers up to B1, by a Montgomery ladder over the odd part of k and plain doublings for its
 * power of 2.
 */
final class Ecm64Stage1 {

  private Ecm64Stage1() {}

  /** Writes [k]P, P = (x0 : 1) on the curve a24, to out[at] (X) and out[at + 1] (Z). */
  static void run(long x0, long a24, EcmPlan plan, long n, long nInverse, long[] out, int at) {
    long one = Montgomery64.one(n);
    Curve64.doublePoint(x0, one, a24, n, nInverse, out, at);
    ladder(x0, one, out[at], out[at + 1], x0, a24, plan.oddStage1Masks, n, nInverse, out, at);
    // the multiplier's power of 2 by plain doublings: five multiplies each, a ladder step takes ten
    for (int i = 0; i < plan.stage1Doublings; i++) {
      Curve64.doublePoint(out[at], out[at + 1], a24, n, nInverse, out, at);
    }
  }

  /**
   * The Montgomery ladder from ([m]P, [m + 1]P) = ((xa : za), (x1 : z1)) over the bits given as
   * masks; writes the first point of the last pair to out[at], out[at + 1]. The hot loop of stage
   * 1, a method of its own; it spells out {@link Curve64#addPoints} (with the difference (x0 : 1))
   * and {@link Curve64#doublePoint}, so that the points stay in registers.
   */
  private static void ladder(
      long xa,
      long za,
      long x1,
      long z1,
      long x0,
      long a24,
      long[] masks,
      long n,
      long nInverse,
      long[] out,
      int at) {
    for (long mask : masks) {
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
    out[at] = xa;
    out[at + 1] = za;
  }
}
