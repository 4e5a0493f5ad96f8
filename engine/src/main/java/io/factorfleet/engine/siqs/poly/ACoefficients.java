package io.factorfleet.engine.siqs.poly;

import io.factorfleet.engine.siqs.FactorBase;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Chooses the A coefficients of the sieve's polynomials: products of s factor-base primes of
 * similar size, close to {@code sqrt(2 kN) / M} so that |Q(x)| stays smallest over [-M, M).
 *
 * <p>The A of a given index is always the same (it is drawn from a generator seeded by the index),
 * so a range of indices describes a unit of sieve work exactly and can be run again anywhere with
 * the same result.
 */
public final class ACoefficients {

  /** The size (bits) of the primes of A when the factor base has them; larger means fewer. */
  private static final double PREFERRED_PRIME_BITS = 11;

  private final FactorBase factorBase;
  private final double targetLog2;
  private final int primeCount;
  private final int poolStart;
  private final int poolEnd;
  private final int firstCandidate;

  /**
   * Prepares the choice for a factor base and sieve half-width M; primes below {@code
   * smallestPrime} are never used in A.
   */
  public ACoefficients(FactorBase factorBase, int halfWidth, int smallestPrime) {
    this.factorBase = factorBase;
    BigInteger twoKn = factorBase.kN().shiftLeft(1);
    this.targetLog2 = log2(twoKn) / 2 - Math.log(halfWidth) / Math.log(2);
    int first = 1;
    while (first < factorBase.size() - 1 && factorBase.prime(first) < Math.max(3, smallestPrime)) {
      first++;
    }
    this.firstCandidate = first;
    // the primes of A must stay well inside the factor base, or there are too few of them to
    // draw distinct A from: small factor bases take more, smaller primes
    double largestBits = log2(BigInteger.valueOf(factorBase.largestPrime())) - 2;
    double primeBits = Math.min(PREFERRED_PRIME_BITS, largestBits);
    int s = Math.max(2, (int) Math.round(targetLog2 / primeBits));
    while (targetLog2 / s > largestBits) {
      s++;
    }
    this.primeCount = s;
    double ideal = Math.pow(2, targetLog2 / s);
    int start = indexAtLeast(ideal / 1.6);
    int end = indexAtLeast(ideal * 1.6);
    while (end - start < 2 * s + 4 && (start > firstCandidate || end < factorBase.size())) {
      start = Math.max(firstCandidate, start - 1);
      end = Math.min(factorBase.size(), end + 1);
    }
    this.poolStart = start;
    this.poolEnd = end;
  }

  /** The number of primes in each A. */
  public int primeCount() {
    return primeCount;
  }

  /** The factor-base indices (ascending) of the primes of the A with the given index. */
  public int[] primeIndices(long index) {
    SplittableRandom random = new SplittableRandom(seed(index));
    int[] chosen = new int[primeCount];
    for (int attempt = 0; ; attempt++) {
      double log2 = 0;
      int filled = 0;
      while (filled < primeCount - 1) {
        int candidate = poolStart + random.nextInt(poolEnd - poolStart);
        if (usable(candidate) && !contains(chosen, filled, candidate)) {
          chosen[filled++] = candidate;
          log2 += Math.log(factorBase.prime(candidate)) / Math.log(2);
        }
      }
      int last = closestUsable(Math.pow(2, targetLog2 - log2), chosen, filled);
      if (last >= 0) {
        chosen[filled] = last;
        int[] sorted = chosen.clone();
        Arrays.sort(sorted);
        return sorted;
      }
      if (attempt > 1000) {
        throw new IllegalStateException("no A coefficient found for index " + index);
      }
    }
  }

  /**
   * The generator's seed for an index: a bijective 64-bit mix of it (MurmurHash3's finalizer), so
   * that the seeds of nearby indices are far apart. SplittableRandom walks its seed in steps of the
   * golden-ratio constant, so seeds an exact step apart (index times that constant, as they once
   * were) made index i+1 draw the primes of index i shifted by one draw, and 6% of the A
   * coefficients of a 65-digit number repeated an earlier one, their relations all duplicates.
   */
  static long seed(long index) {
    long z = index ^ 0x5851F42D4C957F2DL;
    z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
    z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return z ^ (z >>> 33);
  }

  /** The product of the primes at the given indices. */
  public BigInteger product(int[] primeIndices) {
    BigInteger a = BigInteger.ONE;
    for (int i : primeIndices) {
      a = a.multiply(BigInteger.valueOf(factorBase.prime(i)));
    }
    return a;
  }

  private boolean usable(int index) {
    return index >= firstCandidate
        && index < factorBase.size()
        && factorBase.sqrtOfKn(index) != 0; // a prime of the multiplier has a single root
  }

  private int closestUsable(double wanted, int[] chosen, int filled) {
    int at = Math.min(indexAtLeast(wanted), factorBase.size() - 1);
    for (int step = 0; step < factorBase.size(); step++) {
      for (int candidate : new int[] {at - step, at + step}) {
        if (usable(candidate) && !contains(chosen, filled, candidate)) {
          return candidate;
        }
      }
      if (at - step < firstCandidate && at + step >= factorBase.size()) {
        break;
      }
    }
    return -1;
  }

  private int indexAtLeast(double value) {
    int low = 0;
    int high = factorBase.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (factorBase.prime(mid) < value) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return Math.max(firstCandidate, Math.min(low, factorBase.size()));
  }

  private static boolean contains(int[] values, int count, int value) {
    for (int i = 0; i < count; i++) {
      if (values[i] == value) {
        return true;
      }
    }
    return false;
  }

  private static double log2(BigInteger value) {
    int shift = Math.max(0, value.bitLength() - 60);
    return Math.log(value.shiftRight(shift).doubleValue()) / Math.log(2) + shift;
  }
}
