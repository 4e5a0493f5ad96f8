package io.factorfleet.engine.siqs;

import io.factorfleet.engine.siqs.relations.RelationSet;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The measurements behind {@code SiqsParameters}' table: for balanced semiprimes of one size,
 * collects the relations each variant of the table's parameters needs, one A coefficient of each
 * variant in turn, and prints each variant's sieving time and polynomials. Taking turns at every A
 * spreads a change in the machine's speed over all variants alike, so the ratios hold even on a
 * machine that is not idle; the polynomials needed are exact (one thread sieves A 0, 1, 2, ...).
 *
 * <pre>
 * java -cp bench/jmh/target/benchmarks.jar io.factorfleet.engine.siqs.SiqsParameterReport \
 *     70 1 1,1,1,0 1.5,1,1,0
 * </pre>
 *
 * Arguments: digits, how many numbers, then each variant as factors of the table's factor base
 * size, M and large-prime multiplier, bits added to its slack, and optionally a small-prime limit.
 */
public final class SiqsParameterReport {

  private SiqsParameterReport() {}

  public static void main(String[] args) {
    if (args.length < 3) {
      System.err.println("usage: SiqsParameterReport DIGITS COUNT FB,M,LP,SLACK[,SMALL] ...");
      System.exit(64);
    }
    int digits = Integer.parseInt(args[0]);
    int count = Integer.parseInt(args[1]);
    Random random = new Random(digits);
    int bits = (int) Math.ceil(digits / Math.log10(2));
    System.out.println("| number | variant | parameters | polynomials | µs each | sieving s |");
    System.out.println("|---|---|---|---|---|---|");
    for (int i = 0; i < count; i++) {
      BigInteger n =
          BigInteger.probablePrime(bits / 2, random)
              .multiply(BigInteger.probablePrime(bits - bits / 2, random));
      List<Variant> variants = new ArrayList<>();
      for (int v = 2; v < args.length; v++) {
        variants.add(new Variant(args[v], n));
      }
      variants.get(0).sieve.sieve(Long.MAX_VALUE / 2, relation -> {}); // compile before timing
      while (variants.stream().anyMatch(variant -> !variant.done())) {
        for (Variant variant : variants) {
          if (!variant.done()) {
            variant.sieveNextA();
          }
        }
      }
      for (Variant variant : variants) {
        System.out.println(variant.row(i + 1));
      }
    }
  }

  /** One variant's sieve, its relations so far and the time it took. */
  private static final class Variant {
    private final String name;
    private final SiqsParameters parameters;
    private final RelationSieve sieve;
    private final RelationSet relations;
    private final List<Relation> found = new ArrayList<>();
    private long nextA;
    private long polynomials;
    private long nanos;

    Variant(String spec, BigInteger n) {
      String[] factors = spec.split(",");
      if (factors.length < 4 || factors.length > 5) {
        throw new IllegalArgumentException("a variant is FB,M,LP,SLACK[,SMALL] but was " + spec);
      }
      BigInteger kN = n.multiply(BigInteger.valueOf(Multiplier.choose(n)));
      SiqsParameters table = SiqsParameters.forBits(kN.bitLength());
      this.name = spec;
      this.parameters =
          new SiqsParameters(
              (int) Math.round(table.factorBaseSize() * Double.parseDouble(factors[0])),
              (int) Math.round(table.sieveHalfWidth() * Double.parseDouble(factors[1]) / 1024)
                  * 1024,
              (int) Math.round(table.largePrimeMultiplier() * Double.parseDouble(factors[2])),
              factors.length == 5 ? Integer.parseInt(factors[4]) : table.smallPrimeLimit(),
              table.thresholdSlack() + Double.parseDouble(factors[3]),
              table.extraRelations(),
              table.doubleLargePrimeBits());
      FactorBase factorBase = FactorBase.of(kN, parameters.factorBaseSize());
      this.sieve = new RelationSieve(factorBase, parameters);
      this.relations = new RelationSet(factorBase);
    }

    boolean done() {
      return relations.columnCount() >= parameters.relationsNeeded();
    }

    void sieveNextA() {
      found.clear();
      long start = System.nanoTime();
      polynomials += sieve.sieve(nextA++, found::add);
      found.forEach(relations::add);
      nanos += System.nanoTime() - start;
    }

    String row(int number) {
      return String.format(
          Locale.ROOT,
          "| %d | %s | fb %d, M %d, lp %d, slack %.1f, small %d | %d | %.1f | %.2f |",
          number,
          name,
          parameters.factorBaseSize(),
          parameters.sieveHalfWidth(),
          parameters.largePrimeMultiplier(),
          parameters.thresholdSlack(),
          parameters.smallPrimeLimit(),
          polynomials,
          nanos / 1e3 / polynomials,
          nanos / 1e9);
    }
  }
}
