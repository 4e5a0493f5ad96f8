package io.factorfleet.engine;

import io.factorfleet.engine.siqs.Siqs;
import io.factorfleet.engine.siqs.SiqsListener;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * The measurements behind the engine's dispatch between ECM and the quadratic sieve: for balanced
 * semiprimes of each size, ECM alone against the ECM pretest followed by the sieve (medians of
 * nine numbers, the two sides alternating, after a warm-up round), and the cost of the pretest on
 * its own. In the engine's package to time its two paths apart.
 *
 * <pre>
 * java -cp bench/jmh/target/benchmarks.jar io.factorfleet.engine.SiqsDispatchReport
 * </pre>
 */
public final class SiqsDispatchReport {

  private static final long MINUTE_NANOS = 60_000_000_000L;

  private SiqsDispatchReport() {}

  public static void main(String[] args) {
    Random random = new Random(42);
    System.out.println("| digits | bits | ECM alone | pretest + SIQS | ratio |");
    System.out.println("|---|---|---|---|---|");
    for (int round = 0; round < 2; round++) {
      for (int digits : new int[] {20, 24, 26, 28, 30, 32, 34, 36, 40}) {
        int bits = (int) Math.ceil(digits / Math.log10(2));
        long[] ecm = new long[9];
        long[] siqs = new long[9];
        for (int i = 0; i < ecm.length; i++) {
          BigInteger n = semiprime(bits, random);
          long start = System.nanoTime();
          check(n, new WideEcm(n, Deadline.after(MINUTE_NANOS), FactoringListener.NONE).findFactor());
          long middle = System.nanoTime();
          check(n, pretestThenSieve(n, digits));
          ecm[i] = middle - start;
          siqs[i] = System.nanoTime() - middle;
        }
        if (round == 1) {
          double e = median(ecm);
          double s = median(siqs);
          System.out.printf(
              Locale.ROOT, "| %d | %d | %.1f ms | %.1f ms | %.2f |%n", digits, bits, e, s, e / s);
        }
      }
    }
    System.out.println();
    System.out.println("| digits | pretest for | curves | seconds |");
    System.out.println("|---|---|---|---|");
    for (int digits : new int[] {40, 50, 60, 70, 80}) {
      BigInteger n = semiprime((int) Math.ceil(digits / Math.log10(2)), random);
      int[] curves = {0};
      FactoringListener counter =
          new FactoringListener() {
            @Override
            public void ecmCurves(int bits, int count) {
              curves[0] = count;
            }
          };
      int target = (int) (digits * WideFactorizer.PRETEST_SHARE_OF_DIGITS);
      long start = System.nanoTime();
      new WideEcm(n, Deadline.after(10 * MINUTE_NANOS), counter).pretest(target);
      System.out.printf(
          Locale.ROOT,
          "| %d | %d digits | %d | %.2f |%n",
          digits,
          target,
          curves[0],
          (System.nanoTime() - start) / 1e9);
    }
  }

  private static BigInteger pretestThenSieve(BigInteger n, int digits) {
    BigInteger factor =
        new WideEcm(n, Deadline.after(MINUTE_NANOS), FactoringListener.NONE)
            .pretest((int) (digits * WideFactorizer.PRETEST_SHARE_OF_DIGITS));
    return factor != null ? factor : new Siqs(n, 1, () -> false, SiqsListener.NONE).findFactor();
  }

  private static BigInteger semiprime(int bits, Random random) {
    return BigInteger.probablePrime(bits / 2, random)
        .multiply(BigInteger.probablePrime(bits - bits / 2, random));
  }

  private static void check(BigInteger n, BigInteger factor) {
    if (factor == null || factor.signum() <= 0 || !n.mod(factor).equals(BigInteger.ZERO)) {
      throw new IllegalStateException("no factor of " + n + " but " + factor);
    }
  }

  private static double median(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2] / 1e6;
  }
}
