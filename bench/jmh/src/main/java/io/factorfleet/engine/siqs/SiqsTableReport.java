package io.factorfleet.engine.siqs;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The measurements behind the small rows of {@code SiqsParameters}' table, where the sieve is only
 * part of the cost: whole factorizations (multiplier, factor base, sieve, matrix, square root) of
 * balanced semiprimes, one thread, each variant in turn on every number, so that a change in the
 * machine's speed weighs on all variants alike. The first {@code -Dwarm=30} numbers are run but not
 * counted, so that the compiled code is measured.
 *
 * <pre>
 * java -cp bench/jmh/target/benchmarks.jar io.factorfleet.engine.siqs.SiqsTableReport \
 *     30 300 table 250,12288,40,32,18,20
 * </pre>
 *
 * Arguments: digits, how many numbers, then each variant: {@code table} for the table's own
 * parameters, or factor base size, M, large-prime multiplier, small-prime limit, threshold slack,
 * extra relations and optionally the double-large-prime bits (0, the default, for none),
 * comma-separated.
 */
public final class SiqsTableReport {

  private SiqsTableReport() {}

  public static void main(String[] args) {
    if (args.length < 3) {
      System.err.println("usage: SiqsTableReport DIGITS COUNT table|FB,M,LP,SMALL,SLACK,EXTRA[,DLP] ...");
      System.exit(64);
    }
    int digits = Integer.parseInt(args[0]);
    int count = Integer.parseInt(args[1]);
    int warm = Integer.getInteger("warm", 30);
    List<SiqsParameters> variants = new ArrayList<>();
    for (int v = 2; v < args.length; v++) {
      variants.add(args[v].equals("table") ? null : parse(args[v]));
    }
    Random random = new Random(digits * 7L);
    int bits = (int) Math.ceil(digits / Math.log10(2));
    long[] nanos = new long[variants.size()];
    for (int i = 0; i < warm + count; i++) {
      BigInteger n =
          BigInteger.probablePrime(bits / 2, random)
              .multiply(BigInteger.probablePrime(bits - bits / 2, random));
      for (int turn = 0; turn < variants.size(); turn++) {
        int v = (turn + i) % variants.size(); // who goes first changes with each number
        long start = System.nanoTime();
        BigInteger factor = new Siqs(n, variants.get(v), 1, () -> false, SiqsListener.NONE).findFactor();
        long elapsed = System.nanoTime() - start;
        if (factor == null || n.mod(factor).signum() != 0) {
          throw new IllegalStateException("variant " + args[2 + v] + " failed on " + n);
        }
        if (i >= warm) {
          nanos[v] += elapsed;
        }
      }
    }
    System.out.printf(
        "%d balanced semiprimes of %d digits, one thread, after %d not counted%n%n",
        count, digits, warm);
    System.out.println("| variant | ms per number | against the first |");
    System.out.println("|---|---|---|");
    for (int v = 0; v < variants.size(); v++) {
      System.out.printf(
          Locale.ROOT,
          "| %s | %.3f | %.3f |%n",
          args[2 + v],
          nanos[v] / 1e6 / count,
          (double) nanos[v] / nanos[0]);
    }
  }

  private static SiqsParameters parse(String variant) {
    String[] f = variant.split(",");
    if (f.length != 6 && f.length != 7) {
      throw new IllegalArgumentException("a variant is table or six or seven numbers, not " + variant);
    }
    return new SiqsParameters(
        Integer.parseInt(f[0]),
        Integer.parseInt(f[1]),
        Integer.parseInt(f[2]),
        Integer.parseInt(f[3]),
        Double.parseDouble(f[4]),
        Integer.parseInt(f[5]),
        f.length == 7 ? Integer.parseInt(f[6]) : 0);
  }
}
