package io.factorfleet.engine;

/**
 * Factors unsigned 64-bit integers without allocating: trial division by multiplication with
 * inverses, Miller-Rabin, then Pollard-Brent rho for small and ECM for large composites.
 */
public final class LongFactorizer {

  /** Trial division covers the odd primes below this bound. */
  static final int TRIAL_BOUND = 1 << 11;

  private static final int TRIAL_COUNT = countPrimesBelow(TRIAL_BOUND);
  private static final long TRIAL_BOUND_SQUARED = (long) TRIAL_BOUND * TRIAL_BOUND;

  /** Composites below this are split by rho, above by ECM. */
  private static final long RHO_LIMIT = 1L << 40;

  private LongFactorizer() {}

  /** Writes the prime factors of the unsigned n to out, ascending, and returns their count. */
  public static int factor(long n, long[] out) {
    if (Long.compareUnsigned(n, 2) < 0) {
      return 0;
    }
    int count = 0;
    int twos = Long.numberOfTrailingZeros(n);
    for (; count < twos; count++) {
      out[count] = 2;
    }
    n >>>= twos;
    int[] primes = SmallPrimes.PRIMES;
    long[] inverses = SmallPrimes.INVERSES;
    long[] limits = SmallPrimes.QUOTIENT_LIMITS;
    int i = 0;
    // While n is at least TRIAL_BOUND^2, no prime of the table can exceed its square root, so the
    // scan only tests divisibility, four primes at a time with one branch: a multiply and a compare
    // per prime.
    while (i < TRIAL_COUNT && Long.compareUnsigned(n, TRIAL_BOUND_SQUARED) >= 0) {
      while (i + 4 <= TRIAL_COUNT
          && Long.compareUnsigned(n * inverses[i], limits[i]) > 0
              & Long.compareUnsigned(n * inverses[i + 1], limits[i + 1]) > 0
              & Long.compareUnsigned(n * inverses[i + 2], limits[i + 2]) > 0
              & Long.compareUnsigned(n * inverses[i + 3], limits[i + 3]) > 0) {
        i += 4;
      }
      for (int end = Math.min(i + 4, TRIAL_COUNT); i < end; i++) {
        long inverse = inverses[i];
        long limit = limits[i];
        long q = n * inverse;
        while (Long.compareUnsigned(q, limit) <= 0) {
          out[count++] = primes[i];
          n = q;
          q = n * inverse;
        }
      }
    }
    for (; i < TRIAL_COUNT; i++) {
      long p = primes[i];
      if (p * p > n) {
        break; // n is 1 or prime
      }
      long inverse = inverses[i];
      long limit = limits[i];
      long q = n * inverse;
      while (Long.compareUnsigned(q, limit) <= 0) {
        out[count++] = p;
        n = q;
        q = n * inverse;
      }
    }
    if (Long.compareUnsigned(n, TRIAL_BOUND_SQUARED) < 0) {
      // n is 1 or a prime: written either way and counted when above 1, without a branch that
      // the JIT would find never taken on most inputs and compile out
      out[count] = n;
      return count + (int) ((1 - n) >>> 63);
    }
    return split(n, out, count);
  }

  /**
   * Adds the prime factors of n (odd, no factor below the trial bound) to out after the count
   * written, in ascending order, and returns the new count. The composites still to be split wait
   * at the end of out: the factors written and those waiting together never outnumber the prime
   * factors of a 64-bit number, at most 64. One loop rather than a recursion, so that the JIT
   * inlines the primality test and the factor search once, not once per level.
   */
  private static int split(long n, long[] out, int count) {
    int firstSplit = count;
    int waiting = out.length;
    long m = n;
    while (true) {
      if (Primality.isPrimeOddAbove64(m)) {
        out[count++] = m;
        if (waiting == out.length) {
          sortUnsigned(out, firstSplit, count);
          return count;
        }
        m = out[waiting++];
      } else {
        long d = findFactor(m);
        out[--waiting] = Long.divideUnsigned(m, d);
        m = d;
      }
    }
  }

  /**
   * The method that {@link #factor} uses to split the composite n, which has no factor below the
   * trial bound: a square root, rho or ECM.
   */
  static FactorMethod splitMethod(long n) {
    long root = UnsignedMath.squareRoot(n);
    if (root * root == n) {
      return FactorMethod.PERFECT_POWER;
    }
    return Long.compareUnsigned(n, RHO_LIMIT) < 0 ? FactorMethod.RHO : FactorMethod.ECM;
  }

  /**
   * How each of the {@code count} primes {@link #factor} wrote was found: trial division below its
   * bound; above, the method that split the product of the primes above the bound, or {@code
   * leftover} when that product is a single prime (it was left when the rest was found).
   */
  static FactorMethod[] methodsOf(long[] primes, int count, FactorMethod leftover) {
    long large = 1;
    int largeCount = 0;
    for (int i = 0; i < count; i++) {
      if (!isTrialPrime(primes[i])) {
        large *= primes[i];
        largeCount++;
      }
    }
    FactorMethod largeMethod = largeCount == 1 ? leftover : splitMethod(large);
    FactorMethod[] methods = new FactorMethod[count];
    for (int i = 0; i < count; i++) {
      methods[i] = isTrialPrime(primes[i]) ? FactorMethod.TRIAL_DIVISION : largeMethod;
    }
    return methods;
  }

  private static boolean isTrialPrime(long unsignedPrime) {
    return unsignedPrime >= 0 && unsignedPrime < TRIAL_BOUND;
  }

  /** Returns a non-trivial factor of the odd composite n. */
  static long findFactor(long n) {
    long root = UnsignedMath.squareRoot(n);
    if (root * root == n) {
      return root;
    }
    if (Long.compareUnsigned(n, RHO_LIMIT) < 0) {
      return PollardRho64.findFactor(n);
    }
    return Ecm64.findFactor(n);
  }

  /**
   * Sorts values[from, to) ascending as unsigned, by insertion: a split gives at most five factors
   * (each is above 2^11), which trial division's factors precede, already in order.
   */
  private static void sortUnsigned(long[] values, int from, int to) {
    for (int i = from + 1; i < to; i++) {
      long v = values[i];
      int j = i;
      while (j > from && Long.compareUnsigned(values[j - 1], v) > 0) {
        values[j] = values[j - 1];
        j--;
      }
      values[j] = v;
    }
  }

  private static int countPrimesBelow(int bound) {
    int count = 0;
    while (SmallPrimes.PRIMES[count] < bound) {
      count++;
    }
    return count;
  }
}
