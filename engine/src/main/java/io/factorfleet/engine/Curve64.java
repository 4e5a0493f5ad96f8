package io.factorfleet.engine;

/**
 * Point arithmetic on Montgomery curves By^2 = x^3 + Ax^2 + x modulo an odd unsigned 64-bit n, in
 * x-only projective coordinates (X : Z) and the lazy residues of {@link LazyMontgomery64}. Curves
 * come from Suyama's parametrization and are normalized to C24 = 1, so a curve is given by (A + 2)
 * / 4 alone, called a24.
 *
 * <p>A point is two longs and a method returns one, so each operation writes its result to a
 * caller's array: X at {@code out[at]}, Z at {@code out[at + 1]}. That costs a store and a load,
 * which is why these serve the set-up around the stage loops, and the hot loops of stage 1 and
 * stage 2 spell the same formulas out on local variables.
 */
final class Curve64 {

  private Curve64() {}

  /**
   * Sets up the curve of Suyama's parameter sigma, normalized by one inversion to the start point
   * (x0 : 1) and C24 = 1, which saves two multiplies on every ladder step. Writes x0 to {@code
   * out[at]} and a24 to {@code out[at + 1]} and returns 0; or, when the inversion fails, returns
   * gcd(denominator, n), a factor or n. {@code rSquared} and {@code rCubed} are R^2 and R^3 mod n.
   */
  static long start(
      long sigma, long n, long nInverse, long rSquared, long rCubed, long[] out, int at) {
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
    // (A + 2) / 4 = a24 / c24.
    long denominator =
        LazyMontgomery64.canonical(LazyMontgomery64.multiply(v3, c24, n, nInverse), n);
    long inverse = Montgomery64.inverse(denominator, rCubed, n, nInverse);
    if (inverse == 0) {
      return Montgomery64.gcd(denominator, n);
    }
    out[at] =
        LazyMontgomery64.multiply(
            LazyMontgomery64.multiply(u3, c24, n, nInverse), inverse, n, nInverse);
    out[at + 1] =
        LazyMontgomery64.multiply(
            LazyMontgomery64.multiply(a24, v3, n, nInverse), inverse, n, nInverse);
    return 0;
  }

  /** Writes 2 (x : z) on the curve a24 to out[at], out[at + 1]: five multiplies. */
  static void doublePoint(long x, long z, long a24, long n, long nInverse, long[] out, int at) {
    long sum = LazyMontgomery64.add(x, z, n);
    long dif = LazyMontgomery64.subtract(x, z, n);
    long ss = LazyMontgomery64.multiply(sum, sum, n, nInverse);
    long dd = LazyMontgomery64.multiply(dif, dif, n, nInverse);
    long t = LazyMontgomery64.subtract(ss, dd, n);
    out[at] = LazyMontgomery64.multiply(ss, dd, n, nInverse);
    out[at + 1] =
        LazyMontgomery64.multiply(
            t,
            LazyMontgomery64.add(dd, LazyMontgomery64.multiply(a24, t, n, nInverse), n),
            n,
            nInverse);
  }

  /**
   * Writes (xa : za) + (xb : zb), given their difference (xd : zd), to out[at], out[at + 1]: six
   * multiplies.
   */
  static void addPoints(
      long xa,
      long za,
      long xb,
      long zb,
      long xd,
      long zd,
      long n,
      long nInverse,
      long[] out,
      int at) {
    long d1 = LazyMontgomery64.subtract(xa, za, n);
    long s1 = LazyMontgomery64.add(xa, za, n);
    long p = LazyMontgomery64.multiply(d1, LazyMontgomery64.add(xb, zb, n), n, nInverse);
    long q = LazyMontgomery64.multiply(s1, LazyMontgomery64.subtract(xb, zb, n), n, nInverse);
    long ps = LazyMontgomery64.add(p, q, n);
    long pd = LazyMontgomery64.subtract(p, q, n);
    out[at] =
        LazyMontgomery64.multiply(zd, LazyMontgomery64.multiply(ps, ps, n, nInverse), n, nInverse);
    out[at + 1] =
        LazyMontgomery64.multiply(xd, LazyMontgomery64.multiply(pd, pd, n, nInverse), n, nInverse);
  }

  /**
   * Writes [j]G and [j + 1]G, for j >= 1 and G = (xg : zg), to out[at] to out[at + 3], by a
   * Montgomery ladder over the bits of j.
   */
  static void multiples(
      long xg, long zg, int j, long a24, long n, long nInverse, long[] out, int at) {
    doublePoint(xg, zg, a24, n, nInverse, out, at);
    long xa = xg;
    long za = zg;
    long xb = out[at];
    long zb = out[at + 1];
    for (int bitIndex = 30 - Integer.numberOfLeadingZeros(j); bitIndex >= 0; bitIndex--) {
      // (xa, za) = [m]G and (xb, zb) = [m + 1]G become [2m + bit]G and [2m + bit + 1]G
      addPoints(xa, za, xb, zb, xg, zg, n, nInverse, out, at);
      long xSum = out[at];
      long zSum = out[at + 1];
      if ((j >>> bitIndex & 1) != 0) {
        doublePoint(xb, zb, a24, n, nInverse, out, at);
        xa = xSum;
        za = zSum;
        xb = out[at];
        zb = out[at + 1];
      } else {
        doublePoint(xa, za, a24, n, nInverse, out, at);
        xa = out[at];
        za = out[at + 1];
        xb = xSum;
        zb = zSum;
      }
    }
    out[at] = xa;
    out[at + 1] = za;
    out[at + 2] = xb;
    out[at + 3] = zb;
  }
}
