package io.factorfleet.engine.siqs.tdiv;

import io.factorfleet.engine.LongFactorizer;
import io.factorfleet.engine.siqs.FactorBase;
import io.factorfleet.engine.siqs.ModularInts;
import io.factorfleet.engine.siqs.Relation;
import io.factorfleet.engine.siqs.poly.PolynomialFamily;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Turns a sieve candidate into a relation, or rejects it: writes {@code (A x + b)^2 - kN = A Q(x)}
 * out over the factor base. A prime is tried only where the polynomial's roots say it divides
 * (position modulo p is a root), which costs one remainder per prime instead of a long division;
 * what is left must be 1 (a full relation) or a prime below the large-prime bound (a partial one).
 * Mutable scratch space: one instance per sieving thread.
 */
public final class CandidateDivider {

  private static final int MAX_FACTORS = 256;

  /** Positions times primes stay below 2^42, so a multiply and a shift give the exact quotient. */
  private static final int RECIPROCAL_SHIFT = 42;

  /** Products of dividing primes are gathered below this before one pass of division. */
  private static final long PRODUCT_LIMIT = 1L << 31;

  private final FactorBase factorBase;
  private final long largePrimeBound;

  /** Cofactors below this are split into two large primes; 0 for one large prime at most. */
  private final long doubleLargePrimeBound;

  /** Cofactors from this on, with no factor in the factor base, are composite. */
  private final long largestPrimeSquared;

  private final long[] cofactorPrimes = new long[64];
  private final long[] reciprocals;

  /** The index of the first factor-base prime at least the interval's size. */
  private final int firstAboveInterval;

  private final int[] found = new int[MAX_FACTORS];
  private final int[] dividing = new int[MAX_FACTORS];

  /**
   * Divides over the factor base the candidates of an interval of {@code 2 halfWidth} positions;
   * partial relations keep a large prime below the bound.
   */
  public CandidateDivider(FactorBase factorBase, int halfWidth, long largePrimeBound) {
    this(factorBase, halfWidth, largePrimeBound, 0);
  }

  /**
   * Divides as above, and splits a cofactor below {@code doubleLargePrimeBound} (0 for none) into
   * two large primes when both are below the large-prime bound.
   */
  public CandidateDivider(
      FactorBase factorBase, int halfWidth, long largePrimeBound, long doubleLargePrimeBound) {
    long largest = factorBase.largestPrime();
    if (largePrimeBound > largest * largest) {
      throw new IllegalArgumentException(
          "the large prime bound " + largePrimeBound + " must not exceed the square of " + largest);
    }
    if (largest >= 1 << 21) {
      throw new IllegalArgumentException(
          "factor-base primes must stay below 2^21 but reach " + largest);
    }
    this.factorBase = factorBase;
    this.largePrimeBound = largePrimeBound;
    this.doubleLargePrimeBound = doubleLargePrimeBound;
    this.largestPrimeSquared = largest * largest;
    this.reciprocals = new long[factorBase.size()];
    int first = 1;
    while (first < factorBase.size() && factorBase.prime(first) < 2 * halfWidth) {
      first++;
    }
    this.firstAboveInterval = first;
    for (int j = 1; j < factorBase.size(); j++) {
      reciprocals[j] = (1L << RECIPROCAL_SHIFT) / factorBase.prime(j) + 1;
    }
  }

  /**
   * The relation at sieve position {@code position} (below 2^21) of the family's current
   * polynomial, or null.
   */
  public Relation divide(PolynomialFamily family, int position) {
    // (A x + b)^2 - kN = A Q(x), and Q(x) = (A x + 2 b) x + c: two products by a small x
    BigInteger x = BigInteger.valueOf(position - family.halfWidth());
    BigInteger qx = family.a().multiply(x).add(family.b().shiftLeft(1)).multiply(x).add(family.c());
    if (qx.signum() == 0) {
      return null;
    }
    int count = 0;
    for (int l = 0; l < family.aPrimeCount(); l++) {
      found[count++] = factorBase.prime(family.aPrimeIndex(l));
    }
    int twos = qx.getLowestSetBit(); // the same for -|Q| as for |Q|
    if (twos >= MAX_FACTORS - count) {
      return null;
    }
    for (int i = 0; i < twos; i++) {
      found[count++] = 2;
    }
    int[] q = ModularInts.magnitudeWords(qx);
    Magnitudes.shiftRight(q, twos);
    int dividingCount = dividingPrimes(family, position, q);
    if (dividingCount < 0) {
      return null;
    }
    // every dividing prime divides q once: divide them out in products of several at a time
    long product = 1;
    for (int i = 0; i < dividingCount; i++) {
      int p = dividing[i];
      if (product * p >= PRODUCT_LIMIT) {
        Magnitudes.divide(q, product);
        product = 1;
      }
      product *= p;
      found[count++] = p;
    }
    Magnitudes.divide(q, product);
    // and some divide it more than once
    for (int i = 0; i < dividingCount; i++) {
      int p = dividing[i];
      while (ModularInts.residue(q, p) == 0) {
        if (count == MAX_FACTORS) {
          return null;
        }
        found[count++] = p;
        Magnitudes.divide(q, p);
      }
    }
    long rest = Magnitudes.toLong(q);
    long secondLargePrime = 1;
    if (rest < 0) {
      return null;
    }
    if (rest >= largePrimeBound) {
      // what is left has no factor-base prime: below the largest prime squared it is prime
      if (rest >= doubleLargePrimeBound || rest < largestPrimeSquared) {
        return null;
      }
      if (LongFactorizer.factor(rest, cofactorPrimes) != 2
          || cofactorPrimes[1] >= largePrimeBound) {
        return null;
      }
      rest = cofactorPrimes[0];
      secondLargePrime = cofactorPrimes[1];
    }
    int[] primes = Arrays.copyOf(found, count);
    Arrays.sort(primes);
    BigInteger y = family.a().multiply(x).add(family.b());
    return new Relation(y, qx.signum() < 0, primes, rest, secondLargePrime);
  }

  /**
   * Writes the odd factor-base primes dividing q into {@link #dividing} and returns their count, or
   * -1 when there are too many. The primes of A have no roots and are tried directly. Below the
   * interval's size, a prime divides where the position is one of its roots modulo p, found with a
   * multiply by the prime's reciprocal instead of a division; from the interval's size on, roots
   * and positions are both below p, so it divides where the position is one of its roots.
   */
  private int dividingPrimes(PolynomialFamily family, int position, int[] q) {
    int count = 0;
    for (int l = 0; l < family.aPrimeCount(); l++) {
      int p = factorBase.prime(family.aPrimeIndex(l));
      if (ModularInts.residue(q, p) == 0) {
        dividing[count++] = p;
      }
    }
    int[] roots1 = family.roots1();
    int[] roots2 = family.roots2();
    // NO_ROOT is negative: it never equals a residue or a position
    for (int j = 1; j < firstAboveInterval; j++) {
      int p = factorBase.prime(j);
      int residue = position - (int) ((position * reciprocals[j]) >>> RECIPROCAL_SHIFT) * p;
      if (residue == roots1[j] || residue == roots2[j]) {
        if (count == MAX_FACTORS) {
          return -1;
        }
        dividing[count++] = p;
      }
    }
    for (int j = firstAboveInterval; j < factorBase.size(); j++) {
      if (position == roots1[j] || position == roots2[j]) {
        if (count == MAX_FACTORS) {
          return -1;
        }
        dividing[count++] = factorBase.prime(j);
      }
    }
    return count;
  }
}
