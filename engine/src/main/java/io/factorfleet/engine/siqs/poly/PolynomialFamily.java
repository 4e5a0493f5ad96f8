package io.factorfleet.engine.siqs.poly;

import io.factorfleet.engine.siqs.FactorBase;
import io.factorfleet.engine.siqs.ModularInts;
import java.math.BigInteger;

/**
 * The 2^(s-1) polynomials {@code Q(x) = A x^2 + 2 b x + c} that share one A = q_1 ... q_s, with
 * {@code b = B_1 ± B_2 ± ... ± B_s}, {@code b^2 = kN (mod A)} and {@code c = (b^2 - kN) / A}, so
 * that {@code (A x + b)^2 - kN = A Q(x)}.
 *
 * <p>Self-initialization: the roots of Q modulo each factor-base prime are computed once per A;
 * each next b differs from the last by one {@code ±2 B_l} (Gray code order), so each root moves by
 * one precomputed delta. Roots are kept as sieve positions, {@code x + M} modulo p. Mutable: one
 * instance per sieving thread.
 */
public final class PolynomialFamily {

  /** Root value of primes that are not sieved: 2, and the primes of A. */
  public static final int NO_ROOT = -1;

  private final FactorBase factorBase;
  private final int halfWidth;
  private final int[] aPrimeIndices;
  private final BigInteger a;
  private final BigInteger[] bTerms;
  private final int[][] deltas;
  private final int[] roots1;
  private final int[] roots2;
  private final int count;
  private BigInteger b;
  private int index;

  /** The family of A = the product of the factor-base primes at {@code aPrimeIndices}. */
  public PolynomialFamily(FactorBase factorBase, int halfWidth, int[] aPrimeIndices) {
    this.factorBase = factorBase;
    this.halfWidth = halfWidth;
    this.aPrimeIndices = aPrimeIndices.clone();
    int s = aPrimeIndices.length;
    BigInteger product = BigInteger.ONE;
    for (int i : aPrimeIndices) {
      product = product.multiply(BigInteger.valueOf(factorBase.prime(i)));
    }
    this.a = product;
    this.bTerms = new BigInteger[s];
    BigInteger sum = BigInteger.ZERO;
    for (int l = 0; l < s; l++) {
      int q = factorBase.prime(aPrimeIndices[l]);
      BigInteger others = a.divide(BigInteger.valueOf(q));
      int othersInverse = ModularInts.inverse(others.mod(BigInteger.valueOf(q)).intValue(), q);
      long gamma = (long) factorBase.sqrtOfKn(aPrimeIndices[l]) * othersInverse % q;
      if (gamma > q / 2) {
        gamma = q - gamma;
      }
      bTerms[l] = others.multiply(BigInteger.valueOf(gamma));
      sum = sum.add(bTerms[l]);
    }
    this.b = sum;
    this.count = 1 << (s - 1);
    int size = factorBase.size();
    this.roots1 = new int[size];
    this.roots2 = new int[size];
    this.deltas = new int[s][size];
    initializeRoots();
  }

  private void initializeRoots() {
    roots1[0] = NO_ROOT;
    roots2[0] = NO_ROOT;
    for (int j = 1; j < factorBase.size(); j++) {
      int p = factorBase.prime(j);
      BigInteger bigP = BigInteger.valueOf(p);
      int aModP = a.mod(bigP).intValue();
      if (aModP == 0) {
        roots1[j] = NO_ROOT;
        roots2[j] = NO_ROOT;
        continue;
      }
      long aInverse = ModularInts.inverse(aModP, p);
      long bModP = b.mod(bigP).longValue();
      long t = factorBase.sqrtOfKn(j);
      long shift = halfWidth % p;
      roots1[j] = (int) ((aInverse * Math.floorMod(t - bModP, p) + shift) % p);
      roots2[j] = (int) ((aInverse * Math.floorMod(-t - bModP, p) + shift) % p);
      for (int l = 1; l < bTerms.length; l++) {
        deltas[l][j] = (int) (2 * aInverse * bTerms[l].mod(bigP).longValue() % p);
      }
    }
  }

  /** Whether there is another polynomial; if so moves to it. */
  public boolean next() {
    if (index + 1 >= count) {
      return false;
    }
    index++;
    int v = Integer.numberOfTrailingZeros(index);
    int l = v + 1;
    boolean minus = ((index ^ (index >>> 1)) >>> v & 1) != 0;
    BigInteger twoB = bTerms[l].shiftLeft(1);
    b = minus ? b.subtract(twoB) : b.add(twoB);
    int[] delta = deltas[l];
    int size = factorBase.size();
    if (minus) {
      for (int j = 1; j < size; j++) {
        int p = factorBase.prime(j);
        int r1 = roots1[j] + delta[j];
        int r2 = roots2[j] + delta[j];
        roots1[j] = r1 >= p ? r1 - p : r1;
        roots2[j] = r2 >= p ? r2 - p : r2;
      }
    } else {
      for (int j = 1; j < size; j++) {
        int p = factorBase.prime(j);
        int r1 = roots1[j] - delta[j];
        int r2 = roots2[j] - delta[j];
        roots1[j] = r1 < 0 ? r1 + p : r1;
        roots2[j] = r2 < 0 ? r2 + p : r2;
      }
    }
    for (int j : aPrimeIndices) { // the loops above run over them to stay branch-free
      roots1[j] = NO_ROOT;
      roots2[j] = NO_ROOT;
    }
    return true;
  }

  /** The number of polynomials of this A. */
  public int count() {
    return count;
  }

  /** The index of the current polynomial, from 0. */
  public int index() {
    return index;
  }

  public BigInteger a() {
    return a;
  }

  public BigInteger b() {
    return b;
  }

  public int halfWidth() {
    return halfWidth;
  }

  /** The factor-base indices of the primes of A, ascending. */
  public int[] aPrimeIndices() {
    return aPrimeIndices.clone();
  }

  /**
   * The first sieve position (x + M) modulo each factor-base prime at which Q vanishes, or {@link
   * #NO_ROOT}. The live array, for speed: read it, never write it.
   */
  public int[] roots1() {
    return roots1;
  }

  /** The second such position (equal to the first for primes dividing kN). */
  public int[] roots2() {
    return roots2;
  }
}
