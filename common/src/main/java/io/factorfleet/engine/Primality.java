package io.factorfleet.engine;

import java.math.BigInteger;

/**
 * Primality tests: deterministic below 2^64 (Miller-Rabin with a fixed set of bases), the
 * Baillie-PSW test above (no known counterexample).
 */
public final class Primality {

  private static final BigInteger TWO = BigInteger.valueOf(2);
  private static final long[] BASES_SMALL = {2, 7, 61};
  private static final long SMALL_LIMIT = 1L << 31;
  private static final long[] BASES_ALL = {2, 325, 9375, 28178, 450775, 9780504, 1795265022};

  /** Bit i is set when i is prime, for i below 64. */
  private static final long PRIMES_BELOW_64 = primesBelow64();

  /** 3 * 5 * ... * 47, the product of the odd primes below 64 that fits in a long. */
  private static final long ODD_PRIMORIAL =
      3L * 5 * 7 * 11 * 13 * 17 * 19 * 23 * 29 * 31 * 37 * 41 * 43 * 47;

  private static final BigInteger BIG_ODD_PRIMORIAL = BigInteger.valueOf(ODD_PRIMORIAL);
  private static final int[] ODD_PRIMES_TO_47 = {
    3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47
  };

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
    if ((unsignedN & 1) == 0
        || hasSmallOddFactor(Long.remainderUnsigned(unsignedN, ODD_PRIMORIAL))) {
      return false;
    }
    return isPrimeOddAbove64(unsignedN);
  }

  /**
   * Deterministic Miller-Rabin for an odd n above 64 with no factor 3: bases {2, 7, 61} suffice
   * below 4,759,123,141, and Jim Sinclair's seven bases below 2^64.
   */
  static boolean isPrimeOddAbove64(long n) {
    if (Long.compareUnsigned(n, SMALL_LIMIT) < 0) {
      return isPrimeBelow2Pow31(n);
    }
    long nInverse = Montgomery64.inverse(n);
    long one = Montgomery64.one(n);
    long rSquared = Montgomery64.rSquared(n);
    long[] bases = Long.compareUnsigned(n, 4_759_123_141L) < 0 ? BASES_SMALL : BASES_ALL;
    for (long base : bases) {
      long a = Long.remainderUnsigned(base, n);
      if (a == 0) {
        continue;
      }
      if (!isStrongProbablePrime(
          n, Montgomery64.toMontgomery(a, rSquared, n, nInverse), one, nInverse)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Miller-Rabin with bases {2, 7, 61} for odd n below 2^31, in Montgomery arithmetic with R = 2^32
   * on plain longs: products stay below 2^64, so no high-half multiplies are needed.
   */
  private static boolean isPrimeBelow2Pow31(long n) {
    long nInverse = -Montgomery64.inverse(n) & 0xFFFFFFFFL;
    long one = (1L << 32) % n;
    long nMinusOne = n - 1;
    int s = Long.numberOfTrailingZeros(nMinusOne);
    long d = nMinusOne >>> s;
    long minusOne = n - one;
    for (long base : BASES_SMALL) {
      long a = base % n;
      if (a == 0) {
        continue;
      }
      long x = one;
      long b = (a << 32) % n;
      for (int i = 63 - Long.numberOfLeadingZeros(d); i >= 0; i--) {
        x = reduce32(x * x, n, nInverse);
        if ((d >>> i & 1) != 0) {
          x = reduce32(x * b, n, nInverse);
        }
      }
      if (x == one || x == minusOne) {
        continue;
      }
      boolean witness = true;
      for (int r = 1; r < s && witness; r++) {
        x = reduce32(x * x, n, nInverse);
        if (x == minusOne) {
          witness = false;
        } else if (x == one) {
          break;
        }
      }
      if (witness) {
        return false;
      }
    }
    return true;
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
   * Given n mod ODD_PRIMORIAL for some n above 64, tells whether an odd prime below 48 divides n.
   */
  private static boolean hasSmallOddFactor(long residue) {
    for (int p : ODD_PRIMES_TO_47) {
      if (residue % p == 0) {
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

  /** Jacobi symbol (a / n) for 0 <= a and odd positive n, both below 2^63. */
  static int jacobi(long a, long n) {
    int result = 1;
    a %= n;
    while (a != 0) {
      while ((a & 1) == 0) {
        a >>= 1;
        long r = n & 7;
        if (r == 3 || r == 5) {
          result = -result;
        }
      }
      long t = a;
      a = n;
      n = t;
      if ((a & 3) == 3 && (n & 3) == 3) {
        result = -result;
      }
      a %= n;
    }
    return n == 1 ? result : 0;
  }
}
