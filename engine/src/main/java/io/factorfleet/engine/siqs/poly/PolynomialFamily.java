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
  private final int[] primes;
  private final int halfWidth;
  private final int[] aPrimeIndices;
  private final BigInteger a;
  private final BigInteger[] bTerms;
  private final long[] gammas;
  private final int[][] deltas;
  private final int[] roots1;
  private final int[] roots2;
  private final int count;
  private BigInteger b;
  private int index;

  /** c of the polynomial at {@link #cIndex}, computed when first asked for. */
  private BigInteger c;

  private int cIndex = -1;

  /** The family of A = the product of the factor-base primes at {@code aPrimeIndices}. */
  public PolynomialFamily(FactorBase factorBase, int halfWidth, int[] aPrimeIndices) {
    this.factorBase = factorBase;
    this.primes = factorBase.primes();
    this.halfWidth = halfWidth;
    this.aPrimeIndices = aPrimeIndices.clone();
    int s = aPrimeIndices.length;
    BigInteger product = BigInteger.ONE;
    for (int i : aPrimeIndices) {
      product = product.multiply(BigInteger.valueOf(factorBase.prime(i)));
    }
    this.a = product;
    this.bTerms = new BigInteger[s];
    this.gammas = new long[s];
    BigInteger sum = BigInteger.ZERO;
    for (int l = 0; l < s; l++) {
      int q = factorBase.prime(aPrimeIndices[l]);
      long othersModQ = productModExcept(q, l);
      long gamma =
          factorBase.sqrtOfKn(aPrimeIndices[l]) * ModularInts.inverse((int) othersModQ, q) % q;
      if (gamma > q / 2) {
        gamma = q - gamma;
      }
      gammas[l] = gamma;
      bTerms[l] = a.divide(BigInteger.valueOf(q)).multiply(BigInteger.valueOf(gamma));
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

  /** The product of the primes of A other than the one at {@code skip}, modulo p. */
  private long productModExcept(int p, int skip) {
    long product = 1;
    for (int l = 0; l < aPrimeIndices.length; l++) {
      if (l != skip) {
        product = product * (factorBase.prime(aPrimeIndices[l]) % p) % p;
      }
    }
    return product;
  }

  /**
   * The roots and deltas of every factor-base prime, in int and long arithmetic alone: A, each B_l
   * = (A / q_l) gamma_l and b = sum B_l are reduced modulo p from the primes of A, which is several
   * times faster than reducing the BigIntegers.
   */
  private void initializeRoots() {
    roots1[0] = NO_ROOT;
    roots2[0] = NO_ROOT;
    int s = aPrimeIndices.length;
    long[] aPrimesModP = new long[s];
    long[] prefix = new long[s + 1];
    long[] bTermsModP = new long[s];
    for (int j = 1; j < factorBase.size(); j++) {
      int p = factorBase.prime(j);
      prefix[0] = 1;
      for (int l = 0; l < s; l++) {
        aPrimesModP[l] = factorBase.prime(aPrimeIndices[l]) % p;
        prefix[l + 1] = prefix[l] * aPrimesModP[l] % p;
      }
      long aModP = prefix[s];
      if (aModP == 0) {
        roots1[j] = NO_ROOT;
        roots2[j] = NO_ROOT;
        continue;
      }
      long aInverse = ModularInts.inverse((int) aModP, p);
      long bModP = 0;
      long suffix = 1;
      for (int l = s - 1; l >= 0; l--) {
        // (A / q_l) mod p = prefix[l] * suffix, the product of the other primes of A
        bTermsModP[l] = prefix[l] * suffix % p * (gammas[l] % p) % p;
        bModP += bTermsModP[l];
        suffix = suffix * aPrimesModP[l] % p;
      }
      bModP %= p;
      long t = factorBase.sqrtOfKn(j);
      long shift = halfWidth % p;
      roots1[j] = (int) ((aInverse * Math.floorMod(t - bModP, p) + shift) % p);
      roots2[j] = (int) ((aInverse * Math.floorMod(-t - bModP, p) + shift) % p);
      for (int l = 1; l < s; l++) {
        deltas[l][j] = (int) (2 * aInverse * bTermsModP[l] % p);
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
    if (minus) {
      moveRoots(roots1, delta);
      moveRoots(roots2, delta);
    } else {
      moveRootsBack(roots1, delta);
      moveRootsBack(roots2, delta);
    }
    for (int j : aPrimeIndices) { // the loops above run over them to stay branch-free
      roots1[j] = NO_ROOT;
      roots2[j] = NO_ROOT;
    }
    return true;
  }

  /**
   * Adds each delta to its root modulo p: {@code r + d - p}, plus p again where that went negative,
   * in shifts and masks instead of a branch, so that the JIT vectorises the loop.
   */
  private void moveRoots(int[] roots, int[] delta) {
    int[] p = primes;
    for (int j = 1; j < roots.length; j++) {
      int r = roots[j] + delta[j] - p[j];
      roots[j] = r + ((r >> 31) & p[j]);
    }
  }

  /** Subtracts each delta from its root modulo p, as {@link #moveRoots} adds it. */
  private void moveRootsBack(int[] roots, int[] delta) {
    int[] p = primes;
    for (int j = 1; j < roots.length; j++) {
      int r = roots[j] - delta[j];
      roots[j] = r + ((r >> 31) & p[j]);
    }
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

  /**
   * {@code c = (b^2 - kN) / A} of the current polynomial, so that {@code Q(x) = A x^2 + 2 b x + c}:
   * computed on the first call for each polynomial, since most polynomials of small numbers have no
   * candidate.
   */
  public BigInteger c() {
    if (cIndex != index) {
      BigInteger[] qr = b.multiply(b).subtract(factorBase.kN()).divideAndRemainder(a);
      if (qr[1].signum() != 0) {
        throw new IllegalStateException("A does not divide b^2 - kN: b is wrong");
      }
      c = qr[0];
      cIndex = index;
    }
    return c;
  }

  public int halfWidth() {
    return halfWidth;
  }

  /** The number of primes of A. */
  public int aPrimeCount() {
    return aPrimeIndices.length;
  }

  /** The factor-base index of the l-th prime of A, ascending in l. */
  public int aPrimeIndex(int l) {
    return aPrimeIndices[l];
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
