package io.factorfleet.engine.siqs;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * The primes the sieve works with: 2 and the odd primes p for which {@code kN} is a square modulo p
 * (or which divide it), each with a square root of {@code kN} modulo p. Immutable.
 */
public final class FactorBase {

  private final BigInteger kN;
  private final int[] primes;
  private final int[] roots;

  /**
   * The index of each odd number's prime, (p - 1) / 2 to index, -1 for numbers not in the base: the
   * matrix maps every prime of every relation to its row, and a binary search per prime took a
   * twentieth of a 30-digit factorization. At 80 digits the table is 2.6 MB.
   */
  private final int[] indexOfOdd;

  private FactorBase(BigInteger kN, int[] primes, int[] roots) {
    this.kN = kN;
    this.primes = primes;
    this.roots = roots;
    this.indexOfOdd = new int[primes[primes.length - 1] / 2 + 1];
    Arrays.fill(indexOfOdd, -1);
    for (int j = 1; j < primes.length; j++) {
      indexOfOdd[primes[j] / 2] = j;
    }
  }

  /** The first {@code size} primes (size at least 2) over which kN is a square, 2 first. */
  public static FactorBase of(BigInteger kN, int size) {
    if (size < 2) {
      throw new IllegalArgumentException("a factor base needs at least 2 primes but got " + size);
    }
    int[] primes = new int[size];
    int[] roots = new int[size];
    primes[0] = 2;
    roots[0] = kN.testBit(0) ? 1 : 0;
    int count = 1;
    int[] words = ModularInts.magnitudeWords(kN);
    int limit = Math.max(1 << 12, (int) (size * 2.4 * Math.log(size * 2.0 + 10)));
    int from = 3;
    while (count < size) {
      boolean[] composite = oddCompositesBelow(limit);
      for (int p = from; p < limit && count < size; p += 2) {
        if (!composite[p]) {
          int residue = (int) ModularInts.residue(words, p);
          if (residue == 0 || ModularInts.isQuadraticResidue(residue, p)) {
            primes[count] = p;
            roots[count] = ModularInts.sqrt(residue, p);
            count++;
          }
        }
      }
      from = limit | 1;
      limit *= 2;
    }
    return new FactorBase(kN, primes, roots);
  }

  private static boolean[] oddCompositesBelow(int limit) {
    boolean[] composite = new boolean[limit];
    for (int i = 3; (long) i * i < limit; i += 2) {
      if (!composite[i]) {
        for (int j = i * i; j < limit; j += 2 * i) {
          composite[j] = true;
        }
      }
    }
    return composite;
  }

  /** The number the factor base was built for: the multiplier times the number to factor. */
  public BigInteger kN() {
    return kN;
  }

  /** The number of primes. */
  public int size() {
    return primes.length;
  }

  /** The prime at {@code index}, ascending from 2. */
  public int prime(int index) {
    return primes[index];
  }

  /** The primes, ascending from 2, in a new array. */
  public int[] primes() {
    return primes.clone();
  }

  /** A square root of kN modulo the prime at {@code index} (0 where the prime divides kN). */
  public int sqrtOfKn(int index) {
    return roots[index];
  }

  /** The largest prime. */
  public int largestPrime() {
    return primes[primes.length - 1];
  }

  /** The index of prime p, or a negative number when p is not in the factor base. */
  public int indexOf(int p) {
    if (p == 2) {
      return 0;
    }
    return (p & 1) == 1 && p > 0 && p / 2 < indexOfOdd.length ? indexOfOdd[p / 2] : -1;
  }
}
