package io.factorfleet.engine.siqs;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A unit of sieve work, small to describe and the same wherever it runs: the number, the
 * multiplier, the parameters and a range of A-coefficient indices in; relations out. Running a unit
 * twice gives the same relations, and each relation can be checked on its own ({@link
 * Relation#holdsFor}), so units can be handed to any worker and retried freely.
 *
 * @param n the number to factor
 * @param multiplier the Knuth-Schroeppel multiplier k; the sieve works on kN
 * @param parameters the sieve's parameters
 * @param firstA the index of the first A coefficient
 * @param aCount how many consecutive A coefficients to sieve
 */
public record SieveUnit(
    BigInteger n, int multiplier, SiqsParameters parameters, long firstA, int aCount) {

  public SieveUnit {
    Objects.requireNonNull(n, "n must not be null");
    Objects.requireNonNull(parameters, "parameters must not be null");
    if (multiplier < 1) {
      throw new IllegalArgumentException("multiplier must be positive but was " + multiplier);
    }
    if (firstA < 0 || aCount < 1) {
      throw new IllegalArgumentException(
          "the A range must start at 0 or later and hold at least one A but was "
              + firstA
              + " + "
              + aCount);
    }
  }

  /** kN, the number the sieve works on. */
  public BigInteger kN() {
    return n.multiply(BigInteger.valueOf(multiplier));
  }

  /** Sieves the unit's A coefficients and returns the relations found, in the order found. */
  public List<Relation> run() {
    return run(new RelationSieve(FactorBase.of(kN(), parameters.factorBaseSize()), parameters));
  }

  /** Runs the unit on a sieve already set up for this unit's kN and parameters. */
  public List<Relation> run(RelationSieve sieve) {
    List<Relation> relations = new ArrayList<>();
    run(sieve, relations::add, () -> false);
    return relations;
  }

  /**
   * Runs the unit on a sieve already set up for this unit's kN and parameters, handing each
   * relation on as it is found, until {@code abandon}, polled before each polynomial, says to stop.
   * Returns whether the whole unit ran.
   */
  public boolean run(RelationSieve sieve, Consumer<Relation> relations, BooleanSupplier abandon) {
    for (long a = firstA; a < firstA + aCount; a++) {
      sieve.sieve(a, relations, abandon);
      if (abandon.getAsBoolean()) {
        return false;
      }
    }
    return true;
  }
}
