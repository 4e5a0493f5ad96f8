package io.factorfleet.engine.siqs;

import io.factorfleet.engine.siqs.poly.ACoefficients;
import io.factorfleet.engine.siqs.poly.PolynomialFamily;
import io.factorfleet.engine.siqs.sieve.SieveCore;
import io.factorfleet.engine.siqs.tdiv.CandidateDivider;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Finds relations for one factor base: for each A coefficient asked for, sieves all its polynomials
 * and divides out the candidates. Mutable scratch space: one instance per thread.
 */
public final class RelationSieve {

  private static final int MAX_CANDIDATES = 4096;

  private final FactorBase factorBase;
  private final SiqsParameters parameters;
  private final ACoefficients aCoefficients;
  private final SieveCore sieve;
  private final CandidateDivider divider;
  private final int[] candidates = new int[MAX_CANDIDATES];

  public RelationSieve(FactorBase factorBase, SiqsParameters parameters) {
    this.factorBase = factorBase;
    this.parameters = parameters;
    this.aCoefficients =
        new ACoefficients(factorBase, parameters.sieveHalfWidth(), parameters.smallPrimeLimit());
    this.sieve =
        new SieveCore(
            factorBase,
            parameters.sieveHalfWidth(),
            parameters.smallPrimeLimit(),
            parameters.thresholdSlack());
    long largest = factorBase.largestPrime();
    this.divider =
        new CandidateDivider(
            factorBase,
            parameters.sieveHalfWidth(),
            Math.min(largest * largest, largest * parameters.largePrimeMultiplier()),
            parameters.doubleLargePrimeBits() == 0 ? 0 : 1L << parameters.doubleLargePrimeBits());
  }

  /** Sieves every polynomial of the A coefficient with the given index; returns how many. */
  public int sieve(long aIndex, Consumer<Relation> relations) {
    return sieve(aIndex, relations, () -> false);
  }

  /**
   * Sieves the polynomials of the A coefficient with the given index until {@code abandon}, polled
   * before each one, says to stop; returns how many were sieved.
   */
  public int sieve(long aIndex, Consumer<Relation> relations, BooleanSupplier abandon) {
    int[] primeIndices = aCoefficients.primeIndices(aIndex);
    PolynomialFamily family =
        new PolynomialFamily(factorBase, parameters.sieveHalfWidth(), primeIndices);
    int sieved = 0;
    do {
      if (abandon.getAsBoolean()) {
        return sieved;
      }
      sieved++;
      sieve.sieve(family);
      int count = sieve.candidates(candidates);
      for (int i = 0; i < count; i++) {
        Relation relation = divider.divide(family, candidates[i]);
        if (relation != null) {
          relations.accept(relation);
        }
      }
    } while (family.next());
    return sieved;
  }
}
