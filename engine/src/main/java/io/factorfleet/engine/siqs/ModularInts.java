package io.factorfleet.engine.siqs;

import java.math.BigInteger;

/** Arithmetic modulo an odd prime below 2^31: powers, inverses and square roots. */
public final class ModularInts {

  private ModularInts() {}

  /** The magnitude of n as 32-bit words, most significant first, for {@link #residue}. */
  public static int[] magnitudeWords(BigInteger n) {
    byte[] bytes = n.abs().toByteArray();
    int[] words = new int[(bytes.length + 3) / 4];
    for (int i = 0; i < bytes.length; i++) {
      int fromEnd = bytes.length - 1 - i;
      words[words.length - 1 - fromEnd / 4] |= (bytes[i] & 0xff) << (8 * (fromEnd % 4));
    }
    return words;
  }

  /**
   * The number whose {@link #magnitudeWords} these are, modulo p (below 2^31): BigInteger's own
   * remainder by a one-word divisor allocates and goes through its general long division, which
   * costs several times more.
   */
  public static long residue(int[] words, int p) {
    long r = 0;
    for (int word : words) {
      r = ((r << 32) | (word & 0xFFFFFFFFL)) % p;
    }
    return r;
  }

  /** base^exponent mod p, for 0 <= base < p. */
  public static int pow(long base, long exponent, int p) {
    long result = 1;
    long b = base % p;
    long e = exponent;
    while (e > 0) {
      if ((e & 1) != 0) {
        result = result * b % p;
      }
      b = b * b % p;
      e >>= 1;
    }
    return (int) result;
  }

  /** The inverse of a modulo p, for a not divisible by p (extended Euclid). */
  public static int inverse(int a, int p) {
    int r0 = p;
    int r1 = Math.floorMod(a, p);
    int s0 = 0;
    int s1 = 1;
    while (r1 != 0) {
      int q = r0 / r1;
      int r = r0 - q * r1;
      r0 = r1;
      r1 = r;
      int s = s0 - q * s1;
      s0 = s1;
      s1 = s;
    }
    if (r0 != 1) {
      throw new ArithmeticException(a + " has no inverse modulo " + p);
    }
    return s0 < 0 ? s0 + p : s0;
  }

  /** Whether a (0 <= a < p) is a non-zero square modulo the odd prime p (Euler's criterion). */
  public static boolean isQuadraticResidue(int a, int p) {
    return a != 0 && pow(a, (p - 1) / 2, p) == 1;
  }

  /**
   * A square root of the quadratic residue a (0 <= a < p) modulo the odd prime p, by Tonelli and
   * Shanks; 0 for a = 0.
   */
  public static int sqrt(int a, int p) {
    if (a == 0) {
      return 0;
    }
    if ((p & 3) == 3) {
      return pow(a, (p + 1) / 4, p);
    }
    int s = Integer.numberOfTrailingZeros(p - 1);
    int q = (p - 1) >>> s;
    int z = 2;
    while (isQuadraticResidue(z, p)) {
      z++;
    }
    long c = pow(z, q, p);
    long r = pow(a, (q + 1) / 2, p);
    long t = pow(a, q, p);
    int m = s;
    while (t != 1) {
      int i = 0;
      long t2 = t;
      while (t2 != 1) {
        t2 = t2 * t2 % p;
        i++;
      }
      long b = c;
      for (int j = 0; j < m - i - 1; j++) {
        b = b * b % p;
      }
      r = r * b % p;
      c = b * b % p;
      t = t * c % p;
      m = i;
    }
    return (int) r;
  }
}
