package io.factorfleet.engine;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * A unit of ECM work, small to describe and the same wherever it runs: the number, the bounds B1
 * and B2, and a range of curves, named by the Suyama parameter of the first one. Running a unit
 * twice runs the same curves, and a factor it finds is checked by dividing, so units can be handed
 * to any worker and retried freely.
 *
 * @param n the odd composite to factor, above 64 bits
 * @param b1 the stage-1 bound
 * @param b2 the stage-2 bound
 * @param firstSigma the Suyama parameter of the first curve; the others count up from it
 * @param curves how many curves to run
 */
public record EcmUnit(BigInteger n, int b1, int b2, long firstSigma, int curves) {

  /** The largest B1 a unit may ask for: GMP-ECM's bound for factors of 40 digits. */
  public static final int MAX_B1 = 3_000_000;

  /** B2 may be at most this many times B1. */
  public static final int MAX_B2_RATIO = 100;

  /** The most curves one unit may ask for. */
  public static final int MAX_CURVES = 10_000;

  public EcmUnit {
    Objects.requireNonNull(n, "n must not be null");
    if (n.bitLength() <= 64 || !n.testBit(0)) {
      throw new IllegalArgumentException("n must be odd and above 64 bits but was " + n);
    }
    if (b1 < 2 || b1 > MAX_B1) {
      throw new IllegalArgumentException("B1 must be 2 to " + MAX_B1 + " but was " + b1);
    }
    if (b2 < b1 || (long) b2 > (long) b1 * MAX_B2_RATIO) {
      throw new IllegalArgumentException(
          "B2 must be B1 to " + MAX_B2_RATIO + " times B1 but was " + b2 + " for B1 " + b1);
    }
    // Suyama's parametrization degenerates for sigma in {0, 1, 3, 5}
    if (firstSigma < WideEcm.FIRST_SIGMA || firstSigma > Long.MAX_VALUE / 2) {
      throw new IllegalArgumentException(
          "the first sigma must be " + WideEcm.FIRST_SIGMA + " to 2^62 but was " + firstSigma);
    }
    if (curves < 1 || curves > MAX_CURVES) {
      throw new IllegalArgumentException(
          "curves must be 1 to " + MAX_CURVES + " but was " + curves);
    }
  }

  /**
   * The ECM pretest the engine runs before sieving the odd composite n, cut into units of at most
   * {@code curvesPerUnit} curves each: the same curves, in the same order.
   */
  public static List<EcmUnit> pretest(BigInteger n, int curvesPerUnit) {
    if (curvesPerUnit < 1) {
      throw new IllegalArgumentException("curvesPerUnit must be positive but was " + curvesPerUnit);
    }
    int digits = (int) Math.ceil(n.bitLength() * Math.log10(2));
    List<EcmUnit> units = new ArrayList<>();
    long sigma = WideEcm.FIRST_SIGMA;
    for (WideEcm.EcmLevel level :
        WideEcm.pretestLevels(
            n.bitLength(), (int) (digits * WideFactorizer.PRETEST_SHARE_OF_DIGITS))) {
      for (int done = 0; done < level.curves(); done += curvesPerUnit) {
        int curves = Math.min(curvesPerUnit, level.curves() - done);
        units.add(new EcmUnit(n, level.b1(), level.b2(), sigma, curves));
        sigma += curves;
      }
    }
    return units;
  }

  /**
   * Runs the unit's curves until one finds a factor or {@code abandon}, polled between curves and
   * during them, says to stop. Returns a proper factor of n, or null.
   */
  public BigInteger run(BooleanSupplier abandon) {
    WideEcm ecm = new WideEcm(n, Deadline.whenStopped(abandon), FactoringListener.NONE);
    return ecm.runCurves(b1, b2, firstSigma, curves);
  }
}
