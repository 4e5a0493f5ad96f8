package io.factorfleet.engine;

import java.math.BigInteger;

/**
 * Lenstra's elliptic curve method for odd composites beyond 64 bits, on Montgomery curves with
 * Suyama's parametrization, in multi-word Montgomery arithmetic. Runs curves with growing bounds
 * (small factors are found first) until a factor turns up or the deadline expires. Up to 128 bits
 * each curve runs in {@link TwoWordEcm}, on long locals; above, in the array arithmetic of {@link
 * WideMontgomery}, with the curve in {@link WideCurve} and the stages in {@link WideEcmStage1} and
 * {@link WideEcmStage2}. Not thread-safe: one instance per number.
 */
final class WideEcm {

  /** B1 of each level, the number of curves to run at it, and B2 = B2_FACTOR * B1. */
  private static final int[] LEVEL_B1 = {150, 500, 2_000, 11_000, 50_000, 250_000};

  private static final int[] LEVEL_CURVES = {8, 25, 90, 250, 700, Integer.MAX_VALUE};
  private static final int B2_FACTOR = 50;
  private static final EcmPlan[] PLANS = new EcmPlan[LEVEL_B1.length];

  private final WideMontgomery mont;

  /** The curve arithmetic on long locals for 65 to 128 bits; null above. */
  private final TwoWordEcm twoWord;

  private final BigInteger n;
  private final Deadline deadline;
  private final FactoringListener listener;

  /** The curve and the stages in array arithmetic, above 128 bits; null up to 128. */
  private final WideCurve curve;

  private final WideEcmStage1 stage1;
  private final WideEcmStage2 stage2;

  WideEcm(BigInteger n, Deadline deadline, FactoringListener listener) {
    this.n = n;
    this.deadline = deadline;
    this.listener = listener;
    this.mont = new WideMontgomery(n);
    this.twoWord = n.bitLength() <= 128 ? new TwoWordEcm(n, deadline) : null;
    this.curve = twoWord == null ? new WideCurve(mont) : null;
    this.stage1 = twoWord == null ? new WideEcmStage1(mont, curve, deadline) : null;
    this.stage2 = twoWord == null ? new WideEcmStage2(mont, curve, deadline) : null;
  }

  /**
   * Returns a non-trivial factor of the odd composite n (not a perfect power), or null when the
   * deadline expires first.
   */
  BigInteger findFactor() {
    return findFactor(LEVEL_B1.length - 1, Integer.MAX_VALUE);
  }

  /**
   * The pretest before the quadratic sieve: runs the curves of the levels up to the one that finds
   * factors of about {@code digits} digits (B1 = 500 for 12 digits, 2000 for 15, 11000 for 20,
   * 50000 for 25, after GMP-ECM's table), then stops. Returns a non-trivial factor, or null when
   * none turned up or the deadline expired.
   */
  BigInteger pretest(int digits) {
    int lastLevel = digits < 12 ? 0 : digits < 15 ? 1 : digits < 20 ? 2 : digits < 25 ? 3 : 4;
    return findFactor(lastLevel, LEVEL_CURVES[lastLevel]);
  }

  /** Runs the levels up to lastLevel, at most lastLevelCurves curves on the last. */
  private BigInteger findFactor(int lastLevel, int lastLevelCurves) {
    long sigma = 6;
    int curves = 0;
    // up to 128 bits, start near the bound that suits a factor of half the size; above, stay
    // cheap first, since large inputs usually still hold smallish factors
    int bits = n.bitLength();
    int firstLevel = Math.min(lastLevel, bits > 128 || bits <= 50 ? 0 : bits <= 66 ? 1 : 2);
    for (int level = firstLevel; ; level = Math.min(level + 1, LEVEL_B1.length - 1)) {
      EcmPlan plan = plan(level);
      int levelCurves = level == lastLevel ? lastLevelCurves : LEVEL_CURVES[level];
      for (int tried = 0; tried < levelCurves; tried++) {
        if (deadline.expired()) {
          return null;
        }
        BigInteger factor = tryCurve(BigInteger.valueOf(sigma++), plan);
        listener.ecmCurves(bits, ++curves);
        if (factor == null) {
          return null;
        }
        if (!factor.equals(BigInteger.ONE) && !factor.equals(n)) {
          return factor;
        }
      }
      if (level == lastLevel) {
        return null;
      }
    }
  }

  private static synchronized EcmPlan plan(int level) {
    if (PLANS[level] == null) {
      PLANS[level] = new EcmPlan(LEVEL_B1[level], LEVEL_B1[level] * B2_FACTOR);
    }
    return PLANS[level];
  }

  /** Runs one curve; returns the gcd found (possibly 1 or n), or null when the deadline expired. */
  private BigInteger tryCurve(BigInteger sigma, EcmPlan plan) {
    BigInteger u = sigma.multiply(sigma).subtract(BigInteger.valueOf(5)).mod(n);
    BigInteger v = sigma.shiftLeft(2).mod(n);
    BigInteger u3 = u.pow(3).mod(n);
    BigInteger v3 = v.pow(3).mod(n);
    BigInteger a = v.subtract(u).pow(3).multiply(u.multiply(BigInteger.valueOf(3)).add(v)).mod(n);
    BigInteger c = u3.multiply(v).shiftLeft(4).mod(n);
    // normalize to C24 = 1 and Z0 = 1 with one inversion, which saves two multiplies per step
    BigInteger denominator = c.multiply(v3).mod(n);
    BigInteger common = denominator.gcd(n);
    if (!common.equals(BigInteger.ONE)) {
      return common;
    }
    BigInteger inverse = denominator.modInverse(n);
    BigInteger normalizedA24 = a.multiply(v3).multiply(inverse).mod(n);
    BigInteger normalizedX0 = u3.multiply(c).multiply(inverse).mod(n);
    if (twoWord != null) {
      return twoWord.runCurve(normalizedA24, normalizedX0, plan);
    }
    curve.setCurve(normalizedA24, normalizedX0);
    long[] xa = mont.newResidue();
    long[] za = mont.newResidue();
    if (!stage1.run(plan, xa, za)) {
      return null;
    }
    BigInteger g = mont.gcdWithModulus(za);
    if (!g.equals(BigInteger.ONE)) {
      return g;
    }
    return stage2.run(xa, za, plan);
  }
}
