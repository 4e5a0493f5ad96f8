package io.factorfleet.engine.siqs.tdiv;

import io.factorfleet.engine.siqs.FactorBase;
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

  private final FactorBase factorBase;
  private final long largePrimeBound;
  private final int[] found = new int[MAX_FACTORS];

  /** Divides over the factor base; partial relations keep a large prime below the bound. */
  public CandidateDivider(FactorBase factorBase, long largePrimeBound) {
    long largest = factorBase.largestPrime();
    if (largePrimeBound > largest * largest) {
      throw new IllegalArgumentException(
          "the large prime bound " + largePrimeBound + " must not exceed the square of " + largest);
    }
    this.factorBase = factorBase;
    this.largePrimeBound = largePrimeBound;
  }

  /**
   * The relation at sieve position {@code position} of the family's current polynomial, or null.
   */
  public Relation divide(PolynomialFamily family, int position) {
    BigInteger x = BigInteger.valueOf(position - family.halfWidth());
    BigInteger y = family.a().multiply(x).add(family.b());
    BigInteger value = y.multiply(y).subtract(factorBase.kN());
    if (value.signum() == 0) {
      return null;
    }
    BigInteger[] qr = value.abs().divideAndRemainder(family.a());
    if (qr[1].signum() != 0) {
      throw new IllegalStateException("A does not divide (Ax+b)^2 - kN: b is wrong");
    }
    int count = 0;
    for (int j : family.aPrimeIndices()) {
      found[count++] = factorBase.prime(j);
    }
    BigInteger q = qr[0];
    int twos = q.getLowestSetBit();
    for (int i = 0; i < twos && count < MAX_FACTORS; i++) {
      found[count++] = 2;
    }
    q = q.shiftRight(twos);
    int[] roots1 = family.roots1();
    int[] roots2 = family.roots2();
    long rest = q.bitLength() < 63 ? q.longValue() : 0;
    for (int j = 1; j < factorBase.size(); j++) {
      int p = factorBase.prime(j);
      int r1 = roots1[j];
      if (r1 != PolynomialFamily.NO_ROOT) {
        int residue = position % p;
        if (residue != r1 && residue != roots2[j]) {
          continue;
        }
      }
      if (rest == 0) {
        BigInteger bigP = BigInteger.valueOf(p);
        qr = q.divideAndRemainder(bigP);
        while (qr[1].signum() == 0 && count < MAX_FACTORS) {
          found[count++] = p;
          q = qr[0];
          qr = q.divideAndRemainder(bigP);
        }
        if (q.bitLength() < 63) {
          rest = q.longValue();
        }
      } else {
        while (rest % p == 0 && count < MAX_FACTORS) {
          found[count++] = p;
          rest /= p;
        }
      }
      if (rest == 1) {
        break;
      }
    }
    if (count == MAX_FACTORS || rest == 0 || rest >= largePrimeBound) {
      return null;
    }
    int[] primes = Arrays.copyOf(found, count);
    Arrays.sort(primes);
    return new Relation(y, value.signum() < 0, primes, rest);
  }
}
