package io.factorfleet.engine;

import java.math.BigInteger;

/**
 * The strong Lucas probable-prime test with Selfridge's parameters: P = 1, Q = (1 - D) / 4, D the
 * first of 5, -7, 9, -11, ... with Jacobi symbol (D / n) = -1. Writing n + 1 = d * 2^s, n passes
 * when U_d = 0 or V_(d * 2^r) = 0 for some r < s. Together with a strong base-2 test it makes
 * Baillie-PSW.
 */
final class StrongLucas {

  private StrongLucas() {}

  /**
   * The test for an odd unsigned n above 64, in Montgomery arithmetic with R = 2^64: {@code one} is
   * R mod n, {@code rSquared} R^2 mod n and {@code nInverse} n^-1 mod 2^64.
   */
  static boolean isProbablePrime(long n, long one, long rSquared, long nInverse) {
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

  /** The test for an odd n of any size, in BigInteger arithmetic. */
  static boolean isProbablePrime(BigInteger n) {
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
