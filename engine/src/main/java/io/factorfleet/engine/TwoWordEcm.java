package io.factorfleet.engine;

import java.math.BigInteger;

/**
 * One ECM curve (stage 1 and stage 2) modulo a number of 65 to 128 bits, in {@link
 * TwoWordMontgomery} arithmetic: the curve schedule and parameters come from the caller. The point
 * arithmetic is in {@link TwoWordCurve}, the stages in {@link TwoWordEcmStage1} and {@link
 * TwoWordEcmStage2}. Not thread-safe: one instance per number.
 */
final class TwoWordEcm {

  private final TwoWordMontgomery mont;
  private final TwoWordCurve curve;
  private final TwoWordEcmStage1 stage1;
  private final TwoWordEcmStage2 stage2;

  /** ECM modulo n, odd, of 65 to 128 bits, giving up when the deadline expires. */
  TwoWordEcm(BigInteger n, Deadline deadline) {
    this.mont = new TwoWordMontgomery(n);
    this.curve = new TwoWordCurve(mont);
    this.stage1 = new TwoWordEcmStage1(mont, curve, deadline);
    this.stage2 = new TwoWordEcmStage2(mont, curve, deadline);
  }

  /**
   * Runs one curve By^2 = x^3 + Ax^2 + x, given by a24 = (A + 2) / 4 mod n, from the point (x0 : 1)
   * with the bounds of plan; returns the gcd found (possibly 1 or n), or null when the deadline
   * expired.
   */
  BigInteger runCurve(BigInteger a24, BigInteger x0, EcmPlan plan) {
    TwoWordMontgomery m = mont;
    TwoWordCurve c = curve;
    c.setCurve(a24);
    long xb0 = m.toMontgomery(x0);
    long xb1 = m.high;
    long one0 = m.toMontgomery(BigInteger.ONE);
    long one1 = m.high;
    if (!stage1.run(xb0, xb1, one0, one1, plan)) {
      return null;
    }
    BigInteger g = m.gcdWithModulus(c.resultZ0, c.resultZ1);
    if (!g.equals(BigInteger.ONE)) {
      return g;
    }
    return stage2.run(c.resultX0, c.resultX1, c.resultZ0, c.resultZ1, plan);
  }
}
