package io.factorfleet.engine.siqs;

import io.factorfleet.bench.NullSpaceBenchmark;
import io.factorfleet.engine.siqs.matrix.BlockLanczos;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * What one worker thread's sieve yields at sizes too large to factor whole on this machine in a
 * benchmark run, and what their matrix costs: for a balanced semiprime of each size, sieves A
 * coefficients 0, 1, 2, ... with the table's parameters (the sizes taking turns A by A, so that a
 * change in the machine's speed touches all alike) and prints the time per A, the full and partial
 * relations per A and per second, the columns the matrix needs, and the time block Lanczos takes
 * for 64 dependencies of a QS-like matrix of that many rows (after one solve of it to compile).
 * docs/engine.md scales the whole fleet runs measured at 70 and 80 digits with these rates.
 *
 * <pre>
 * java -cp bench/jmh/target/benchmarks.jar io.factorfleet.engine.siqs.SieveRateReport 12 80 90
 * </pre>
 *
 * Arguments: A coefficients per size, then the sizes in digits.
 */
public final class SieveRateReport {

  private SieveRateReport() {}

  public static void main(String[] args) {
    if (args.length < 2) {
      System.err.println("usage: SieveRateReport A_PER_SIZE DIGITS...");
      System.exit(64);
    }
    int aCount = Integer.parseInt(args[0]);
    List<Size> sizes = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      sizes.add(new Size(Integer.parseInt(args[i])));
    }
    for (Size size : sizes) {
      size.sieveNextA(); // compiles the sieve; not counted
      size.reset();
    }
    for (int a = 0; a < aCount; a++) {
      for (Size size : sizes) {
        size.sieveNextA();
      }
    }
    System.out.println(
        "| digits | factor base | columns needed | s per A | full per A | partial per A"
            + " | full per s | all per s | block Lanczos s |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    for (Size size : sizes) {
      System.out.println(size.row());
    }
  }

  /** One size's number, its sieve and what it found. */
  private static final class Size {
    private final int digits;
    private final SiqsParameters parameters;
    private final RelationSieve sieve;
    private long nextA;
    private long as;
    private long nanos;
    private long full;
    private long partial;

    Size(int digits) {
      this.digits = digits;
      Random random = new Random(digits);
      int bits = (int) Math.ceil(digits / Math.log10(2));
      BigInteger n =
          BigInteger.probablePrime(bits / 2, random)
              .multiply(BigInteger.probablePrime(bits - bits / 2, random));
      SieveJob job = new SieveJob(n);
      this.parameters = job.parameters();
      this.sieve = new RelationSieve(job.factorBase(), parameters);
    }

    void sieveNextA() {
      long start = System.nanoTime();
      sieve.sieve(
          nextA++,
          relation -> {
            if (relation.isPartial()) {
              partial++;
            } else {
              full++;
            }
          });
      nanos += System.nanoTime() - start;
      as++;
    }

    void reset() {
      as = 0;
      nanos = 0;
      full = 0;
      partial = 0;
    }

    String row() {
      double seconds = nanos / 1e9;
      return String.format(
          Locale.ROOT,
          "| %d | %d | %d | %.3f | %.1f | %.1f | %.1f | %.0f | %.2f |",
          digits,
          parameters.factorBaseSize(),
          parameters.relationsNeeded(),
          seconds / as,
          (double) full / as,
          (double) partial / as,
          full / seconds,
          (full + partial) / seconds,
          lanczosSeconds(parameters.factorBaseSize()));
    }
  }

  /** Seconds block Lanczos takes for 64 dependencies of a QS-like matrix of the given rows. */
  private static double lanczosSeconds(int rows) {
    int[][] columns = NullSpaceBenchmark.qsLikeColumns(rows, rows + 64, new Random(rows));
    BlockLanczos lanczos = new BlockLanczos();
    lanczos.dependencies(rows, columns, 64); // compiles
    long start = System.nanoTime();
    lanczos.dependencies(rows, columns, 64);
    return (System.nanoTime() - start) / 1e9;
  }
}
