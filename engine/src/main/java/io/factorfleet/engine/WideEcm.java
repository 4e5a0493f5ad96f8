package io.factorfleet.engine;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

  /** The Suyama parameter of the first curve of a search; later curves count up from it. */
  static final long FIRST_SIGMA = 6;

  private static final Map<EcmLevel, EcmPlan> PLANS = new ConcurrentHashMap<>();

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
   * The pretest before the quadratic sieve: runs the curves of {@link #pretestLevels}, then stops.
   * Returns a non-trivial factor, or null when none turned up or the deadline expired.
   */
  BigInteger pretest(int digits) {
    int lastLevel = pretestLastLevel(digits);
    return findFactor(lastLevel, LEVEL_CURVES[lastLevel]);
  }

  /**
   * The levels of the pretest for a composite of {@code bits} bits: those up to the one that finds
   * factors of about {@code digits} digits (B1 = 500 for 12 digits, 2000 for 15, 11000 for 20,
   * 50000 for 25, after GMP-ECM's table), each with its curves, in the order they run. Their curves
   * take the Suyama parameters from {@link #FIRST_SIGMA} on, one after the other.
   */
  static List<EcmLevel> pretestLevels(int bits, int digits) {
    int lastLevel = pretestLastLevel(digits);
    List<EcmLevel> levels = new ArrayList<>();
    for (int level = firstLevel(bits, lastLevel); level <= lastLevel; level++) {
      levels.add(new EcmLevel(LEVEL_B1[level], LEVEL_B1[level] * B2_FACTOR, LEVEL_CURVES[level]));
    }
    return levels;
  }

  private static int pretestLastLevel(int digits) {
    return digits < 12 ? 0 : digits < 15 ? 1 : digits < 20 ? 2 : digits < 25 ? 3 : 4;
  }

  /** B1, B2 and the number of curves of one level of ECM. */
  record EcmLevel(int b1, int b2, int curves) {}

  /**
   * Runs {@code curves} curves with the bounds B1 and B2, the first with Suyama parameter {@code
   * firstSigma} and the next ones counting up from it. Returns a non-trivial factor, or null when
   * none turned up or the deadline expired first.
   */
  BigInteger runCurves(int b1, int b2, long firstSigma, int curves) {
    EcmPlan plan = plan(b1, b2);
    for (int i = 0; i < curves; i++) {
      BigInteger factor = curve(firstSigma + i, plan, i + 1);
      if (factor == null || !factor.equals(BigInteger.ONE)) {
        return factor;
      }
    }
    return null;
  }

  /** Runs the levels up to lastLevel, at most lastLevelCurves curves on the last. */
  private BigInteger findFactor(int lastLevel, int lastLevelCurves) {
    long sigma = FIRST_SIGMA;
    int curves = 0;
    for (int level = firstLevel(n.bitLength(), lastLevel);
        ;
        level = Math.min(level + 1, LEVEL_B1.length - 1)) {
      EcmPlan plan = plan(LEVEL_B1[level], LEVEL_B1[level] * B2_FACTOR);
      int levelCurves = level == lastLevel ? lastLevelCurves : LEVEL_CURVES[level];
      for (int tried = 0; tried < levelCurves; tried++) {
        BigInteger factor = curve(sigma++, plan, ++curves);
        if (factor == null || !factor.equals(BigInteger.ONE)) {
          return factor;
        }
      }
      if (level == lastLevel) {
        return null;
      }
    }
  }

  /**
   * Up to 128 bits, start near the bound that suits a factor of half the size; above, stay cheap
   * first, since large inputs usually still hold smallish factors.
   */
  private static int firstLevel(int bits, int lastLevel) {
    return Math.min(lastLevel, bits > 128 || bits <= 50 ? 0 : bits <= 66 ? 1 : 2);
  }

  /**
   * Runs the curve of Suyama parameter sigma, the {@code count}th of this search. Returns a proper
   * factor; ONE when the curve found none; null when the deadline expired.
   */
  private BigInteger curve(long sigma, EcmPlan plan, int count) {
    if (deadline.expired()) {
      return null;
    }
    BigInteger factor = tryCurve(BigInteger.valueOf(sigma), plan);
    listener.ecmCurves(n.bitLength(), count);
    if (factor == null) {
      return null;
    }
    return factor.equals(n) ? BigInteger.ONE : factor;
  }

  /** The plan of B1 and B2, shared by every curve of every number that uses them. */
  private static EcmPlan plan(int b1, int b2) {
    return PLANS.computeIfAbsent(new EcmLevel(b1, b2, 0), key -> new EcmPlan(b1, b2));
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
