package io.factorfleet.engine.siqs;

import io.factorfleet.engine.siqs.matrix.NullSpaceSolver;
import io.factorfleet.engine.siqs.matrix.NullSpaceSolvers;
import io.factorfleet.engine.siqs.relations.RelationSet;
import io.factorfleet.engine.siqs.sqrt.SquareRoot;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One number's quadratic sieve, wherever its units run: chooses the multiplier, the parameters and
 * the factor base, hands out units (consecutive ranges of A coefficients, each once), takes their
 * relations back (each checked on its own against kN, a duplicate counted once however often it
 * comes), and once the relations make enough columns runs the matrix and the square root. {@link
 * Siqs} runs a job's units on threads of its own process; a fleet can run them on other machines.
 * Not thread-safe: callers hold the job's lock.
 */
public final class SieveJob {

  /**
   * Dependencies asked of the solver at first, each verified: one gives a factor of a semiprime
   * with probability 1/2, so all four fail once in 16 numbers. Verifying and mapping back 24 at
   * once, when two are used on average, took a twentieth of a 30-digit factorization.
   */
  private static final int FIRST_DEPENDENCIES = 4;

  /**
   * Dependencies asked of the solver when the first few gave no factor: all of 24 fail once in 16
   * million, and then more relations are collected.
   */
  private static final int DEPENDENCIES = 24;

  /** When no dependency gives a factor, collect this fraction more relations and try again. */
  private static final double MORE_RELATIONS = 0.05;

  private final BigInteger n;
  private final int multiplier;
  private final SiqsParameters parameters;
  private final FactorBase factorBase;
  private final RelationSet relations;
  private long nextA;
  private int target;

  /** The sieve of the odd composite n (not a perfect power), with the table's parameters. */
  public SieveJob(BigInteger n) {
    this(n, null);
  }

  /**
   * The sieve of n with the given parameters instead of the table's, for measuring new ones; null
   * takes the table's.
   */
  public SieveJob(BigInteger n, SiqsParameters parameters) {
    this.n = Objects.requireNonNull(n, "n must not be null");
    this.multiplier = Multiplier.choose(n);
    BigInteger kN = n.multiply(BigInteger.valueOf(multiplier));
    this.parameters = parameters != null ? parameters : SiqsParameters.forBits(kN.bitLength());
    this.factorBase = FactorBase.of(kN, this.parameters.factorBaseSize());
    this.relations = new RelationSet(factorBase);
    this.target = this.parameters.relationsNeeded();
  }

  /** The number to factor. */
  public BigInteger n() {
    return n;
  }

  /** The Knuth-Schroeppel multiplier chosen for n. */
  public int multiplier() {
    return multiplier;
  }

  public SiqsParameters parameters() {
    return parameters;
  }

  /** The factor base of kN, which a unit run in this process can share. */
  public FactorBase factorBase() {
    return factorBase;
  }

  /**
   * A factor-base prime that divides n (then no sieve is needed), or null. The factor base holds
   * the primes dividing kN, and a small factor may have escaped the trial division before.
   */
  public BigInteger factorBasePrimeDividingN() {
    int[] words = ModularInts.magnitudeWords(n);
    for (int j = 0; j < factorBase.size(); j++) {
      int p = factorBase.prime(j);
      if (ModularInts.residue(words, p) == 0 && !n.equals(BigInteger.valueOf(p))) {
        return BigInteger.valueOf(p);
      }
    }
    return null;
  }

  /** The next {@code aCount} A coefficients not yet handed out, as a unit. */
  public SieveUnit nextUnit(int aCount) {
    SieveUnit unit = new SieveUnit(n, multiplier, parameters, nextA, aCount);
    nextA += aCount;
    return unit;
  }

  /**
   * Hands out no A coefficient below {@code firstA} from now on: for a sieve taken up again after
   * its relations of the A coefficients before were kept elsewhere. A coefficients are numbered
   * from 0 and each index always names the same A, so the units that follow find relations not
   * found before; an index already passed stays passed.
   */
  public void continueFrom(long firstA) {
    if (firstA < 0) {
      throw new IllegalArgumentException("an A index is 0 or more but was " + firstA);
    }
    nextA = Math.max(nextA, firstA);
  }

  /**
   * Counts a relation of this job's kN: false when it does not hold or was counted before, and then
   * it is dropped.
   */
  public boolean add(Relation relation) {
    return relations.add(relation);
  }

  /** Whether a relation of the same y was counted before, when {@link #add} drops it unchecked. */
  public boolean knows(Relation relation) {
    return relations.contains(relation);
  }

  /** Matrix columns so far: full relations and pairs of partial ones with one large prime. */
  public int columns() {
    return relations.columnCount();
  }

  /** Partial relations so far, paired or not. */
  public int partials() {
    return relations.partialCount();
  }

  /** The columns wanted before the matrix is tried; it grows after a try that gave no factor. */
  public int target() {
    return target;
  }

  /** Whether there are enough columns to try the matrix. */
  public boolean hasEnoughRelations() {
    return relations.columnCount() >= target;
  }

  /**
   * Finds dependencies among the relations and takes square roots until one gives a proper factor
   * of n. Returns null when none does, after raising the target so that more relations are
   * collected before the next try.
   */
  public BigInteger solve(SiqsListener listener) {
    int[][] matrix = relations.matrixColumns();
    listener.matrix(relations.rowCount(), matrix.length);
    List<RelationSet.Column> columns = relations.columns();
    NullSpaceSolver solver = NullSpaceSolvers.forSize(relations.rowCount(), matrix.length);
    List<int[]> tried = List.of();
    for (int wanted : new int[] {FIRST_DEPENDENCIES, DEPENDENCIES}) {
      List<int[]> dependencies = solver.dependencies(relations.rowCount(), matrix, wanted);
      for (int[] dependency : dependencies) {
        if (tried.stream().noneMatch(done -> Arrays.equals(done, dependency))) {
          BigInteger factor = SquareRoot.factorFrom(n, columns, dependency);
          if (factor != null) {
            return factor;
          }
        }
      }
      tried = dependencies;
    }
    target = relations.columnCount() + (int) Math.ceil(target * MORE_RELATIONS);
    return null;
  }
}
