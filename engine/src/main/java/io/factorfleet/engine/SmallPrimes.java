package io.factorfleet.engine;

/**
 * The odd primes below {@link #LIMIT}, with the data to test divisibility by multiplication: n is
 * divisible by an odd p exactly when n * p^-1 mod 2^64, read unsigned, is at most (2^64 - 1) / p,
 * and the product is then the quotient.
 */
final class SmallPrimes {

  /** Exclusive upper bound of the table. */
  static final int LIMIT = 1 << 16;

  /** Odd primes below {@link #LIMIT}, ascending. */
  static final int[] PRIMES;

  /** INVERSES[i] = PRIMES[i]^-1 mod 2^64. */
  static final long[] INVERSES;

  /** QUOTIENT_LIMITS[i] = floor((2^64 - 1) / PRIMES[i]). */
  static final long[] QUOTIENT_LIMITS;

  /** Bit i / 2 is set when the odd i below {@link #LIMIT} is prime. */
  private static final long[] ODD_PRIME_BITS = new long[LIMIT / 128];

  static {
    boolean[] composite = new boolean[LIMIT];
    int count = 0;
    for (int i = 3; i < LIMIT; i += 2) {
      if (!composite[i]) {
        count++;
        for (long j = (long) i * i; j < LIMIT; j += 2L * i) {
          composite[(int) j] = true;
        }
      }
    }
    PRIMES = new int[count];
    INVERSES = new long[count];
    QUOTIENT_LIMITS = new long[count];
    int k = 0;
    for (int i = 3; i < LIMIT; i += 2) {
      if (!composite[i]) {
        PRIMES[k] = i;
        INVERSES[k] = Montgomery64.inverse(i);
        QUOTIENT_LIMITS[k] = Long.divideUnsigned(-1L, i);
        ODD_PRIME_BITS[i >>> 7] |= 1L << (i >>> 1);
        k++;
      }
    }
  }

  private SmallPrimes() {}

  /** Whether the odd {@code n}, 3 <= n < {@link #LIMIT}, is prime: one table lookup. */
  static boolean isOddPrime(int n) {
    return (ODD_PRIME_BITS[n >>> 7] >>> (n >>> 1) & 1) != 0;
  }
}
