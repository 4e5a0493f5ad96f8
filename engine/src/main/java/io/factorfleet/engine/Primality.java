package io.factorfleet.engine;

import java.math.BigInteger;

/**
 * Primality, choosing the test by size ({@link MillerRabin} rounds, {@link StrongLucas}, a table of
 * pseudoprimes): deterministic below 2^64 (below 2^30, Miller-Rabin to base 2 and a table of the
 * composites that pass it; below 4,759,123,141, Miller-Rabin with bases {2, 7, 61}; above that
 * Baillie-PSW, which has no counterexample below 2^64), and Baillie-PSW above 2^64 (no known
 * counterexample).
 */
public final class Primality {

  private static final BigInteger TWO = BigInteger.valueOf(2);
  private static final long[] BASES_SMALL = {2, 7, 61};

  /**
   * Below this, a number is prime when it passes Miller-Rabin to base 2 and is not one of the
   * {@link BaseTwoPseudoprimes}: one round for a prime of up to nine digits instead of the three of
   * {2, 7, 61}. {@code PrimalityTest} checks every odd number below it against a sieve.
   */
  static final long TABLE_LIMIT = BaseTwoPseudoprimes.LIMIT;

  private static final long SMALL_LIMIT = 1L << 31;

  /** Bit i is set when i is prime, for i below 64. */
  private static final long PRIMES_BELOW_64 = primesBelow64();

  /** 3 * 5 * ... * 47, the product of the odd primes below 64 that fits in a long. */
  private static final long ODD_PRIMORIAL =
      3L * 5 * 7 * 11 * 13 * 17 * 19 * 23 * 29 * 31 * 37 * 41 * 43 * 47;

  private static final BigInteger BIG_ODD_PRIMORIAL = BigInteger.valueOf(ODD_PRIMORIAL);

  /** How many odd primes up to 47 there are: the first entries of {@link SmallPrimes#PRIMES}. */
  private static final int ODD_PRIMES_TO_47 = 14;

  private Primality() {}

  private static long primesBelow64() {
    long bits = 0;
    for (int i = 2; i < 64; i++) {
      boolean prime = true;
      for (int d = 2; d * d <= i; d++) {
        prime &= i % d != 0;
      }
      bits |= prime ? 1L << i : 0;
    }
    return bits;
  }

  /** Returns true when {@code n} is prime; negative numbers, 0 and 1 are not. */
  public static boolean isPrime(BigInteger n) {
    if (n.signum() <= 0) {
      return false;
    }
    if (n.bitLength() <= 64) {
      return isPrime(n.longValue());
    }
    if (!n.testBit(0) || hasSmallOddFactor(n.mod(BIG_ODD_PRIMORIAL).longValue())) {
      return false;
    }
    return MillerRabin.isStrongProbablePrime(n, TWO) && StrongLucas.isProbablePrime(n);
  }

  /** Returns true when {@code unsignedN}, read as an unsigned 64-bit integer, is prime. */
  public static boolean isPrime(long unsignedN) {
    if (Long.compareUnsigned(unsignedN, 64) < 0) {
      return (PRIMES_BELOW_64 >>> unsignedN & 1) != 0;
    }
    if ((unsignedN & 1) == 0) {
      return false;
    }
    if (Long.compareUnsigned(unsignedN, SmallPrimes.LIMIT) < 0) {
      return SmallPrimes.isOddPrime((int) unsignedN);
    }
    return !hasSmallOddFactor(unsignedN) && isPrimeOddAbove64(unsignedN);
  }

  /**
   * Deterministic test for an odd n above 64 with no factor 3. Below 2^31: {@link
   * #isPrimeBelow2Pow31}. Below 4,759,123,141: Miller-Rabin with bases {2, 7, 61}. Above:
   * Baillie-PSW (a strong base-2 test and a strong Lucas test), which has no counterexample below
   * 2^64: every base-2 pseudoprime below 2^64 has been listed and checked. It costs about as much
   * as three Miller-Rabin rounds, where the seven bases that also prove primality below 2^64 cost
   * seven.
   */
  static boolean isPrimeOddAbove64(long n) {
    if (Long.compareUnsigned(n, SMALL_LIMIT) < 0) {
      return isPrimeBelow2Pow31(n);
    }
    long nInverse = Montgomery64.inverse(n);
    long one = Montgomery64.one(n);
    long rSquared = Montgomery64.rSquared(n);
    if (Long.compareUnsigned(n, 4_759_123_141L) < 0) {
      for (long base : BASES_SMALL) {
        if (!MillerRabin.isStrongProbablePrime(
            n, Montgomery64.toMontgomery(base, rSquared, n, nInverse), one, nInverse)) {
          return false;
        }
      }
      return true;
    }
    return MillerRabin.isStrongProbablePrime(n, Montgomery64.add(one, one, n), one, nInverse)
        && StrongLucas.isProbablePrime(n, one, rSquared, nInverse);
  }

  /**
   * Odd n below 2^31: Miller-Rabin to base 2 and the table of its pseudoprimes below {@link
   * #TABLE_LIMIT}, with {2, 7, 61} above, in Montgomery arithmetic with R = 2^32 on plain longs:
   * products stay below 2^64, so no high-half multiplies are needed.
   */
  private static boolean isPrimeBelow2Pow31(long n) {
    long nInverse = -Montgomery64.inverse(n) & 0xFFFFFFFFL;
    long one = (1L << 32) % n;
    if (n < TABLE_LIMIT) {
      return MillerRabin.isStrongProbablePrime32(n, 2, one, nInverse)
          && !BaseTwoPseudoprimes.contains(n);
    }
    for (long base : BASES_SMALL) {
      if (!MillerRabin.isStrongProbablePrime32(n, base, one, nInverse)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether an odd prime up to 47 divides the unsigned {@code value} (n itself, or n mod
   * ODD_PRIMORIAL), by multiplying with the primes' inverses: no division.
   */
  private static boolean hasSmallOddFactor(long value) {
    for (int i = 0; i < ODD_PRIMES_TO_47; i++) {
      if (Long.compareUnsigned(value * SmallPrimes.INVERSES[i], SmallPrimes.QUOTIENT_LIMITS[i])
          <= 0) {
        return true;
      }
    }
    return false;
  }
}
