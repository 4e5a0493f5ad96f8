package io.factorfleet.engine;

/**
 * Montgomery arithmetic modulo an odd unsigned 64-bit modulus n with R = 2^64. Residues are
 * unsigned longs in [0, n). Static so that the hot loops allocate nothing; callers pass n and
 * {@link #inverse(long) n^-1 mod 2^64}.
 */
final class Montgomery64 {

  private Montgomery64() {}

  /** Returns n^-1 mod 2^64 for odd n, by Newton's iteration (each step doubles the bits). */
  static long inverse(long n) {
    long x = (3 * n) ^ 2; // correct to 5 bits
    x *= 2 - n * x;
    x *= 2 - n * x;
    x *= 2 - n * x;
    x *= 2 - n * x;
    return x;
  }

  /** The high 64 bits of the unsigned 128-bit product a * b. */
  static long multiplyHighUnsigned(long a, long b) {
    return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
  }

  /** Returns a * b / R mod n. */
  static long multiply(long a, long b, long n, long nInverse) {
    long m = a * b * nInverse;
    if (n > 0) {
      // n < 2^63: a and b are non-negative, so the signed high product is the unsigned one
      long hi = Math.multiplyHigh(a, b);
      long mnHi = Math.multiplyHigh(m, n) + ((m >> 63) & n);
      long r = hi - mnHi;
      return r + ((r >> 63) & n); // branch-free: ECM's operands make branches unpredictable
    }
    long hi = multiplyHighUnsigned(a, b);
    long mnHi = multiplyHighUnsigned(m, n);
    long r = hi - mnHi;
    return Long.compareUnsigned(hi, mnHi) < 0 ? r + n : r;
  }

  static long add(long a, long b, long n) {
    if (n > 0) {
      long s = a + b - n;
      return s + ((s >> 63) & n);
    }
    long s = a + b;
    return (Long.compareUnsigned(s, a) < 0 || Long.compareUnsigned(s, n) >= 0) ? s - n : s;
  }

  static long subtract(long a, long b, long n) {
    if (n > 0) {
      long d = a - b;
      return d + ((d >> 63) & n);
    }
    long d = a - b;
    return Long.compareUnsigned(a, b) < 0 ? d + n : d;
  }

  /** Returns R mod n, the Montgomery form of 1. */
  static long one(long n) {
    return Long.remainderUnsigned(-n, n);
  }

  /** Returns R^2 mod n, which turns a plain residue into Montgomery form by one multiply. */
  static long rSquared(long n) {
    long r = one(n);
    if (n >>> 32 == 0) {
      return Long.remainderUnsigned(r * r, n);
    }
    for (int i = 0; i < 64; i++) {
      r = add(r, r, n);
    }
    return r;
  }

  /** Returns the Montgomery form of the plain residue a (a < n). */
  static long toMontgomery(long a, long rSquared, long n, long nInverse) {
    return multiply(a, rSquared, n, nInverse);
  }

  /** Returns base^exponent in Montgomery form; base is in Montgomery form, exponent unsigned. */
  static long pow(long base, long exponent, long one, long n, long nInverse) {
    long result = one;
    int top = 63 - Long.numberOfLeadingZeros(exponent);
    for (int i = top; i >= 0; i--) {
      result = multiply(result, result, n, nInverse);
      if ((exponent >>> i & 1) != 0) {
        result = multiply(result, base, n, nInverse);
      }
    }
    return result;
  }

  /**
   * Returns the Montgomery form of the inverse of a (itself in Montgomery form) modulo n, or 0 when
   * a and n have a common factor. {@code rCubed} is R^3 mod n ({@code multiply(rSquared, rSquared,
   * n, nInverse)}). Binary extended Euclid: shifts and subtractions, no division.
   */
  static long inverse(long a, long rCubed, long n, long nInverse) {
    if (n > 0) {
      long aInverse = inverseBelow63(a, n);
      return aInverse == 0 ? 0 : multiply(aInverse, rCubed, n, nInverse);
    }
    long u = a;
    long v = n;
    long x1 = 1; // x1 * a = u (mod n)
    long x2 = 0; // x2 * a = v (mod n)
    if (u == 0) {
      return 0;
    }
    while (true) {
      for (int twos = Long.numberOfTrailingZeros(u); twos > 0; twos--) {
        x1 = halve(x1, n);
      }
      u >>>= Long.numberOfTrailingZeros(u);
      if (u == 1) {
        // x1 = (aR)^-1 mod n; times R^3 / R gives a^-1 R
        return multiply(x1, rCubed, n, nInverse);
      }
      if (u == v) {
        return 0;
      }
      if (Long.compareUnsigned(u, v) > 0) {
        u -= v;
        x1 = subtract(x1, x2, n);
      } else {
        v -= u;
        x2 = subtract(x2, x1, n);
        for (int twos = Long.numberOfTrailingZeros(v); twos > 0; twos--) {
          x2 = halve(x2, n);
        }
        v >>>= Long.numberOfTrailingZeros(v);
        if (v == 1) {
          return multiply(x2, rCubed, n, nInverse);
        }
      }
    }
  }

  /**
   * Returns the plain inverse of a in [0, n) modulo the odd n below 2^63, or 0 when there is none.
   * Binary extended Euclid with every step free of data-dependent branches: ECM's inversions take
   * about as long as hundreds of multiplies when each step mispredicts a comparison.
   */
  private static long inverseBelow63(long a, long n) {
    long f = n; // odd throughout; f = r a and g = s a (mod n)
    long g = a;
    long r = 0;
    long s = 1;
    long halfUp = (n >>> 1) + 1; // (x + n) / 2 = x / 2 + halfUp for odd x
    while (g != 0) {
      long odd = -(g & 1);
      long d = g - f;
      long below = d >> 63;
      long swap = odd & below;
      // an odd g takes |g - f| (even), and the smaller of the two stays as f
      f += d & swap;
      g = (((d ^ below) - below) & odd) | (g & ~odd);
      long diff = s - r;
      long sNext = (diff ^ swap) - swap;
      sNext += (sNext >> 63) & n;
      r += diff & swap;
      s = (sNext & odd) | (s & ~odd);
      g >>>= 1;
      s = (s >>> 1) + (halfUp & -(s & 1));
    }
    return f == 1 ? r : 0;
  }

  /** x / 2 mod the odd n, for x in [0, n), without overflow when n is above 2^63. */
  static long halve(long x, long n) {
    return (x & 1) == 0 ? x >>> 1 : (x >>> 1) + (n >>> 1) + 1;
  }

  /** Greatest common divisor of two unsigned longs (binary algorithm). */
  static long gcd(long a, long b) {
    if (a == 0) {
      return b;
    }
    if (b == 0) {
      return a;
    }
    int shift = Long.numberOfTrailingZeros(a | b);
    a >>>= Long.numberOfTrailingZeros(a);
    do {
      b >>>= Long.numberOfTrailingZeros(b);
      if (Long.compareUnsigned(a, b) > 0) {
        long t = a;
        a = b;
        b = t;
      }
      b -= a;
    } while (b != 0);
    return a << shift;
  }
}
