package io.factorfleet.engine;

import java.math.BigInteger;

/**
 * Point arithmetic on one Montgomery curve, normalized to C24 = 1 and a start point (x0 : 1), in
 * the multi-word arithmetic of {@link WideMontgomery}, in x-only projective coordinates with each
 * coordinate a residue array. Results go into destination arrays that may alias the operands. Not
 * thread-safe: one instance per number.
 */
final class WideCurve {

  /** Indices into a chain of points: [m - 1]S, [m]S and room for [m + 1]S, X and Z of each. */
  static final int PREVIOUS_X = 0;

  static final int PREVIOUS_Z = 1;
  static final int CURRENT_X = 2;
  static final int CURRENT_Z = 3;
  static final int NEXT_X = 4;
  static final int NEXT_Z = 5;

  private final WideMontgomery mont;
  private final long[] a24;
  private final long[] x0;
  private final long[] z0;
  private final long[] t1;
  private final long[] t2;
  private final long[] t3;
  private final long[] t4;
  private final long[] t5;
  private final long[] t6;

  WideCurve(WideMontgomery mont) {
    this.mont = mont;
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
   * Makes the curve a24 = (A + 2) / 4 with start point (x0 : 1), plain residues, the current one.
   */
  void setCurve(BigInteger normalizedA24, BigInteger normalizedX0) {
    copy(a24, mont.toMontgomery(normalizedA24));
    copy(x0, mont.toMontgomery(normalizedX0));
    copy(z0, mont.toMontgomery(BigInteger.ONE));
  }

  /** Copies the start point into (x : z). */
  void copyStart(long[] x, long[] z) {
    copy(x, x0);
    copy(z, z0);
  }

  /** One Montgomery ladder step on ([m]G, [m + 1]G) with difference G = (xd : zd). */
  void ladderStep(boolean bit, long[] xa, long[] za, long[] xb, long[] zb, long[] xd, long[] zd) {
    if (bit) {
      addX(xa, za, xa, za, xb, zb, xd, zd);
      doubleX(xb, zb, xb, zb);
    } else {
      addX(xb, zb, xa, za, xb, zb, xd, zd);
      doubleX(xa, za, xa, za);
    }
  }

  /**
   * One step along a chain of points spaced by S = (xs : zs), held in the six arrays of chain (see
   * {@link #PREVIOUS_X}): computes [m + 1]S = [m]S + S, whose difference is [m - 1]S, and moves the
   * chain on by one, reusing the array of [m - 1]S for the next result.
   */
  void step(long[][] chain, long[] xs, long[] zs) {
    addX(
        chain[NEXT_X],
        chain[NEXT_Z],
        chain[CURRENT_X],
        chain[CURRENT_Z],
        xs,
        zs,
        chain[PREVIOUS_X],
        chain[PREVIOUS_Z]);
    long[] freeX = chain[PREVIOUS_X];
    long[] freeZ = chain[PREVIOUS_Z];
    chain[PREVIOUS_X] = chain[CURRENT_X];
    chain[PREVIOUS_Z] = chain[CURRENT_Z];
    chain[CURRENT_X] = chain[NEXT_X];
    chain[CURRENT_Z] = chain[NEXT_Z];
    chain[NEXT_X] = freeX;
    chain[NEXT_Z] = freeZ;
  }

  /** (rx : rz) = 2 (x : z) on the curve normalized to C24 = 1; may alias the operand. */
  void doubleX(long[] rx, long[] rz, long[] x, long[] z) {
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

  /** Like {@link #addX} with the start point (x0 : 1) as the difference; may alias operands. */
  void addXFromBase(long[] rx, long[] rz, long[] x1, long[] z1, long[] x2, long[] z2) {
    crossSumAndDifference(x1, z1, x2, z2);
    mont.multiply(t6, t6, t6);
    mont.multiply(rz, t6, x0);
    mont.multiply(rx, t5, t5);
  }

  /** (rx : rz) = (x1 : z1) + (x2 : z2) given their difference (xd : zd); may alias operands. */
  void addX(
      long[] rx, long[] rz, long[] x1, long[] z1, long[] x2, long[] z2, long[] xd, long[] zd) {
    crossSumAndDifference(x1, z1, x2, z2);
    mont.multiply(t5, t5, t5);
    mont.multiply(t6, t6, t6);
    mont.multiply(t5, t5, zd);
    mont.multiply(rz, t6, xd);
    System.arraycopy(t5, 0, rx, 0, rx.length);
  }

  /**
   * The part of a differential addition that does not involve the difference: t5 = (x1 - z1)(x2 +
   * z2) + (x1 + z1)(x2 - z2) and t6 = (x1 - z1)(x2 + z2) - (x1 + z1)(x2 - z2).
   */
  private void crossSumAndDifference(long[] x1, long[] z1, long[] x2, long[] z2) {
    mont.subtract(t1, x1, z1);
    mont.add(t2, x2, z2);
    mont.multiply(t1, t1, t2);
    mont.add(t3, x1, z1);
    mont.subtract(t4, x2, z2);
    mont.multiply(t3, t3, t4);
    mont.add(t5, t1, t3);
    mont.subtract(t6, t1, t3);
  }

  private static void copy(long[] dst, long[] src) {
    System.arraycopy(src, 0, dst, 0, src.length);
  }
}
