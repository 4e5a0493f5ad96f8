package io.factorfleet.engine;

import java.math.BigInteger;

/**
 * Primality tests: deterministic below 2^64 (below 2^30, Miller-Rabin to base 2 and a table of the
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
  static final long TABLE_LIMIT = 1L << 30;

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
    return isStrongProbablePrime(n, TWO) && isStrongLucasProbablePrime(n);
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
        if (!isStrongProbablePrime(
            n, Montgomery64.toMontgomery(base, rSquared, n, nInverse), one, nInverse)) {
          return false;
        }
      }
      return true;
    }
    return isStrongProbablePrime(n, Montgomery64.add(one, one, n), one, nInverse)
        && isStrongLucasProbablePrime(n, one, rSquared, nInverse);
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
      return isStrongProbablePrime32(n, 2, one, nInverse) && !BaseTwoPseudoprimes.contains(n);
    }
    for (long base : BASES_SMALL) {
      if (!isStrongProbablePrime32(n, base, one, nInverse)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the odd n, above 2 and below 2^31, is a strong probable prime to {@code base}. */
  static boolean isStrongProbablePrime32(long n, long base) {
    return isStrongProbablePrime32(n, base, (1L << 32) % n, -Montgomery64.inverse(n) & 0xFFFFFFFFL);
  }

  /**
   * One Miller-Rabin round for odd n below 2^31, with {@code one} = 2^32 mod n and {@code nInverse}
   * = -1 / n mod 2^32.
   */
  private static boolean isStrongProbablePrime32(long n, long base, long one, long nInverse) {
    long a = base % n;
    if (a == 0) {
      return true;
    }
    long nMinusOne = n - 1;
    int s = Long.numberOfTrailingZeros(nMinusOne);
    long d = nMinusOne >>> s;
    long minusOne = n - one;
    long x = one;
    long b = (a << 32) % n;
    for (long bit = Long.highestOneBit(d); bit != 0; bit >>>= 1) {
      x = reduce32(x * x, n, nInverse);
      if ((d & bit) != 0) {
        x = reduce32(x * b, n, nInverse);
      }
    }
    if (x == one || x == minusOne) {
      return true;
    }
    // a square of 1 stays 1 and never reaches n - 1, so the loop needs no early exit for it:
    // one branch fewer that almost no input takes
    boolean witness = true;
    for (int r = 1; r < s && witness; r++) {
      x = reduce32(x * x, n, nInverse);
      witness = x != minusOne;
    }
    return !witness;
  }

  /** Montgomery reduction t / 2^32 mod n for t < n * 2^32 and n < 2^31. */
  private static long reduce32(long t, long n, long nInverse) {
    long m = ((t & 0xFFFFFFFFL) * nInverse) & 0xFFFFFFFFL;
    long r = (t + m * n) >>> 32;
    return r >= n ? r - n : r;
  }

  /** Miller-Rabin round for odd n > 2 with a base already in Montgomery form. */
  static boolean isStrongProbablePrime(long n, long base, long one, long nInverse) {
    long nMinusOne = n - 1;
    int s = Long.numberOfTrailingZeros(nMinusOne);
    long minusOne = n - one;
    long x = Montgomery64.pow(base, nMinusOne >>> s, one, n, nInverse);
    if (x == one || x == minusOne) {
      return true;
    }
    for (int r = 1; r < s; r++) {
      x = Montgomery64.multiply(x, x, n, nInverse);
      if (x == minusOne) {
        return true;
      }
      if (x == one) {
        return false;
      }
    }
    return false;
  }

  /**
   * Strong Lucas test with Selfridge's parameters (P = 1, Q = (1 - D) / 4, D the first of 5, -7, 9,
   * -11, ... with Jacobi symbol (D / n) = -1) for an odd unsigned n above 64, in Montgomery
   * arithmetic. Writing n + 1 = d * 2^s, n passes when U_d = 0 or V_(d * 2^r) = 0 for some r < s.
   */
  static boolean isStrongLucasProbablePrime(long n, long one, long rSquared, long nInverse) {
    long root = UnsignedMath.squareRoot(n);
    if (root * root == n) {
      return false; // no D would give (D / n) = -1
    }
    long d = 5;
    while (true) {
      int j = jacobi(residue(d, n), n);
      if (j == -1) {
        break;
      }
      if (j == 0) {
        return false; // |D| < n here, so gcd(D, n) is a proper factor
      }
      d = d > 0 ? -(d + 2) : -(d - 2);
    }
    long q = (1 - d) / 4;
    long bigD = toMontgomerySigned(d, n, rSquared, nInverse);
    long bigQ = toMontgomerySigned(q, n, rSquared, nInverse);
    long nPlusOne = n + 1; // n is odd and not 2^64 - 1 (a multiple of 3): no overflow
    int s = Long.numberOfTrailingZeros(nPlusOne);
    long k = nPlusOne >>> s;
    long u = one; // U_1
    long v = one; // V_1 = P
    long qk = bigQ; // Q^1
    for (int i = 62 - Long.numberOfLeadingZeros(k); i >= 0; i--) {
      u = Montgomery64.multiply(u, v, n, nInverse); // U_2j = U_j V_j
      v =
          Montgomery64.subtract(
              Montgomery64.multiply(v, v, n, nInverse), Montgomery64.add(qk, qk, n), n);
      qk = Montgomery64.multiply(qk, qk, n, nInverse);
      if ((k >>> i & 1) != 0) {
        // U_(j+1) = (P U_j + V_j) / 2, V_(j+1) = (D U_j + P V_j) / 2
        long nextU = Montgomery64.halve(Montgomery64.add(u, v, n), n);
        v =
            Montgomery64.halve(
                Montgomery64.add(Montgomery64.multiply(bigD, u, n, nInverse), v, n), n);
        u = nextU;
        qk = Montgomery64.multiply(qk, bigQ, n, nInverse);
      }
    }
    if (u == 0 || v == 0) {
      return true;
    }
    for (int r = 1; r < s; r++) {
      v =
          Montgomery64.subtract(
              Montgomery64.multiply(v, v, n, nInverse), Montgomery64.add(qk, qk, n), n);
      if (v == 0) {
        return true;
      }
      qk = Montgomery64.multiply(qk, qk, n, nInverse);
    }
    return false;
  }

  private static long toMontgomerySigned(long value, long n, long rSquared, long nInverse) {
    return Montgomery64.toMontgomery(residue(value, n), rSquared, n, nInverse);
  }

  /** The signed {@code value} mod the unsigned n, in [0, n). */
  private static long residue(long value, long n) {
    if (value >= 0) {
      return Long.remainderUnsigned(value, n);
    }
    long r = Long.remainderUnsigned(-value, n);
    return r == 0 ? 0 : n - r;
  }

  /** Jacobi symbol (a / n) for unsigned a and odd unsigned n. */
  static int jacobi(long a, long n) {
    int result = 1;
    a = Long.remainderUnsigned(a, n);
    while (a != 0) {
      int twos = Long.numberOfTrailingZeros(a);
      a >>>= twos;
      long r = n & 7;
      if ((twos & 1) != 0 && (r == 3 || r == 5)) {
        result = -result;
      }
      if ((a & 3) == 3 && (n & 3) == 3) {
        result = -result;
      }
      long t = Long.remainderUnsigned(n, a);
      n = a;
      a = t;
    }
    return n == 1 ? result : 0;
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

  static boolean isStrongProbablePrime(BigInteger n, BigInteger base) {
    BigInteger nMinusOne = n.subtract(BigInteger.ONE);
    int s = nMinusOne.getLowestSetBit();
    BigInteger x = base.modPow(nMinusOne.shiftRight(s), n);
    if (x.equals(BigInteger.ONE) || x.equals(nMinusOne)) {
      return true;
    }
    for (int r = 1; r < s; r++) {
      x = x.multiply(x).mod(n);
      if (x.equals(nMinusOne)) {
        return true;
      }
      if (x.equals(BigInteger.ONE)) {
        return false;
      }
    }
    return false;
  }

  /** Strong Lucas test with Selfridge's parameters: P = 1, Q = (1 - D) / 4. */
  static boolean isStrongLucasProbablePrime(BigInteger n) {
    if (isPerfectSquare(n)) {
      return false;
    }
    long d = 5;
    while (true) {
      int j = jacobi(d, n);
      if (j == -1) {
        break;
      }
      if (j == 0 && n.compareTo(BigInteger.valueOf(Math.abs(d))) > 0) {
        return false;
      }
      d = d > 0 ? -(d + 2) : -(d - 2);
    }
    BigInteger bigD = BigInteger.valueOf(d);
    BigInteger q = BigInteger.valueOf((1 - d) / 4);
    BigInteger nPlusOne = n.add(BigInteger.ONE);
    int s = nPlusOne.getLowestSetBit();
    BigInteger k = nPlusOne.shiftRight(s);
    BigInteger u = BigInteger.ONE;
    BigInteger v = BigInteger.ONE;
    BigInteger qk = q.mod(n);
    for (int i = k.bitLength() - 2; i >= 0; i--) {
      u = u.multiply(v).mod(n);
      v = v.multiply(v).subtract(qk.shiftLeft(1)).mod(n);
      qk = qk.multiply(qk).mod(n);
      if (k.testBit(i)) {
        BigInteger nextU = halveMod(u.add(v), n);
        v = halveMod(bigD.multiply(u).add(v), n);
        u = nextU;
        qk = qk.multiply(q).mod(n);
      }
    }
    if (u.signum() == 0 || v.signum() == 0) {
      return true;
    }
    for (int r = 1; r < s; r++) {
      v = v.multiply(v).subtract(qk.shiftLeft(1)).mod(n);
      if (v.signum() == 0) {
        return true;
      }
      qk = qk.multiply(qk).mod(n);
    }
    return false;
  }

  private static BigInteger halveMod(BigInteger x, BigInteger n) {
    BigInteger r = x.mod(n);
    return (r.testBit(0) ? r.add(n) : r).shiftRight(1);
  }

  static boolean isPerfectSquare(BigInteger n) {
    BigInteger root = n.sqrt();
    return root.multiply(root).equals(n);
  }

  /** Jacobi symbol (a / n) for odd positive n and small a. */
  static int jacobi(long a, BigInteger n) {
    int sign = 1;
    if (a < 0) {
      a = -a;
      if (n.testBit(1)) { // n = 3 mod 4: (-1 / n) = -1
        sign = -sign;
      }
    }
    long m = n.mod(BigInteger.valueOf(a)).longValue();
    // (a / n) = (n / a) * (-1)^((a-1)/2 * (n-1)/2) for odd a; a here is always odd
    if ((a & 3) == 3 && n.testBit(1)) {
      sign = -sign;
    }
    return sign * jacobi(m, a);
  }
}
