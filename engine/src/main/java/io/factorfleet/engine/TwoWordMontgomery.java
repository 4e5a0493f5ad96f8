package io.factorfleet.engine;

import java.math.BigInteger;

/**
 * Montgomery arithmetic (R = 2^128) modulo one odd n between 2^64 and 2^128, on residues held as
 * two longs, the low and the high word, so that ECM keeps its coordinates in local variables. Every
 * operation takes the words of its operands, returns the low word of its result and leaves the high
 * word in {@link #high}, to be read before the next operation.
 *
 * <p>Below 2^{@value #LAZY_BITS} the residues are lazy: {@link #multiply} accepts operands below 8n
 * and returns a value below 2n with no final subtraction (a b / R stays below n), {@link #add}
 * returns the plain sum and {@link #subtract} returns a - b + 2n for b below 2n. None of the three
 * has a branch or a comparison with n, which is what makes them cheap: the carries are the only
 * conditions left. Callers keep every sum and difference they multiply below 8n, which ECM's
 * formulas do when each addend is a product. From 2^{@value #LAZY_BITS} on, there is no room for
 * that, and every operation takes and returns canonical residues in [0, n), reduced without a
 * branch. Canonical residues are valid lazy ones.
 *
 * <p>Not thread-safe (the high word is shared state): one instance per factoring call.
 */
final class TwoWordMontgomery {

  /** Moduli of at most this many bits use lazy residues. */
  static final int LAZY_BITS = 122;

  private final BigInteger modulus;
  private final long n0;
  private final long n1;
  private final long twoN0;
  private final long twoN1;

  /** -n^-1 mod 2^64. */
  private final long negInverse;

  private final boolean lazy;

  /** R^2 mod n. */
  private final BigInteger rSquared;

  /** The high word of the last result. */
  long high;

  /** Arithmetic modulo n, which must be odd and between 2^64 and 2^128. */
  TwoWordMontgomery(BigInteger n) {
    if (!n.testBit(0) || n.bitLength() <= 64 || n.bitLength() > 128) {
      throw new IllegalArgumentException("modulus must be odd and of 65 to 128 bits: " + n);
    }
    this.modulus = n;
    this.n0 = n.longValue();
    this.n1 = n.shiftRight(64).longValue();
    this.negInverse = -Montgomery64.inverse(n0);
    this.lazy = n.bitLength() <= LAZY_BITS;
    this.rSquared = BigInteger.ONE.shiftLeft(256).mod(n);
    BigInteger twoN = n.shiftLeft(1);
    this.twoN0 = twoN.longValue();
    this.twoN1 = twoN.shiftRight(64).longValue();
  }

  /** Whether residues are lazy (below 2^{@value #LAZY_BITS}) rather than canonical. */
  boolean isLazy() {
    return lazy;
  }

  /** The low word of the Montgomery form of x (x >= 0); the high word goes to {@link #high}. */
  long toMontgomery(BigInteger x) {
    BigInteger r = x.shiftLeft(128).mod(modulus);
    high = r.shiftRight(64).longValue();
    return r.longValue();
  }

  /** The plain value in [0, n) of the (possibly lazy) residue with words lo and hi. */
  BigInteger fromMontgomery(long lo, long hi) {
    BigInteger rInverse = BigInteger.ONE.shiftLeft(128).modInverse(modulus);
    return UnsignedMath.toBigInteger(lo, hi).multiply(rInverse).mod(modulus);
  }

  /**
   * The low word of the Montgomery form of 1 / a, for the residue a with words lo and hi, which
   * must be prime to n; the high word goes to {@link #high}. One BigInteger inversion.
   */
  long inverse(long lo, long hi) {
    // a holds A R, and A^-1 R = R^2 / (A R)
    BigInteger r =
        UnsignedMath.toBigInteger(lo, hi)
            .mod(modulus)
            .modInverse(modulus)
            .multiply(rSquared)
            .mod(modulus);
    high = r.shiftRight(64).longValue();
    return r.longValue();
  }

  /**
   * gcd(a, n) for the residue a with words lo and hi; neither Montgomery form nor laziness moves
   * it.
   */
  BigInteger gcdWithModulus(long lo, long hi) {
    return UnsignedMath.toBigInteger(lo, hi).gcd(modulus);
  }

  /** a * b / R mod n (below 2n when lazy, else in [0, n)). */
  long multiply(long a0, long a1, long b0, long b1) {
    return lazy ? multiplyLazy(a0, a1, b0, b1) : multiplyCanonical(a0, a1, b0, b1);
  }

  /**
   * The lazy product, by coarsely integrated operand scanning, one word of b per round. Operands
   * below 8n < 2^125 and n < 2^122 leave the top bits of the high words clear: those products need
   * no unsigned correction on that side, and sums that cannot reach 2^64 need no carry. Kept under
   * the JIT's size limit for inlining hot methods (325 bytecodes), since a call would put the high
   * word in memory.
   */
  private long multiplyLazy(long a0, long a1, long b0, long b1) {
    // round 0: t = (a * b0 + m * n) / 2^64, with m chosen to clear the low word; t < 2^126
    long t0 = a0 * b0;
    long carry = unsignedMultiplyHigh(a0, b0);
    long t1 = a1 * b0 + carry;
    long t2 = multiplyHighByNonNegative(b0, a1) + carryOut(t1, carry);
    long m = t0 * negInverse;
    carry = unsignedMultiplyHigh(m, n0) + nonZero(t0);
    long lo = m * n1;
    long s = t1 + lo;
    long hi = t2 + multiplyHighByNonNegative(m, n1) + carryOut(s, lo);
    t0 = s + carry;
    t1 = hi + carryOut(t0, carry);
    // round 1: t += a * b1, then the same reduction; the result is below 2n
    lo = a0 * b1;
    s = t0 + lo;
    carry = multiplyHighByNonNegative(a0, b1) + carryOut(s, lo);
    t0 = s;
    lo = a1 * b1;
    s = t1 + lo;
    t2 = Math.multiplyHigh(a1, b1) + carryOut(s, lo);
    t1 = s + carry;
    t2 += carryOut(t1, carry);
    m = t0 * negInverse;
    carry = unsignedMultiplyHigh(m, n0) + nonZero(t0);
    lo = m * n1;
    s = t1 + lo;
    hi = t2 + multiplyHighByNonNegative(m, n1) + carryOut(s, lo);
    t0 = s + carry;
    high = hi + carryOut(t0, carry);
    return t0;
  }

  /** The canonical product, as {@link #multiplyLazy} but with every carry and correction. */
  private long multiplyCanonical(long a0, long a1, long b0, long b1) {
    // round 0: t = (a * b0 + m * n) / 2^64, with m chosen to clear the low word
    long t0 = a0 * b0;
    long carry = unsignedMultiplyHigh(a0, b0);
    long t1 = a1 * b0 + carry;
    long t2 = unsignedMultiplyHigh(a1, b0) + carryOut(t1, carry);
    long m = t0 * negInverse;
    carry = unsignedMultiplyHigh(m, n0) + nonZero(t0);
    long lo = m * n1;
    long s = t1 + lo;
    long hi = unsignedMultiplyHigh(m, n1) + carryOut(s, lo);
    t0 = s + carry;
    hi += carryOut(t0, carry);
    t1 = t2 + hi;
    t2 = carryOut(t1, hi);
    // round 1: the same with b1, on top of t
    lo = a0 * b1;
    s = t0 + lo;
    carry = unsignedMultiplyHigh(a0, b1) + carryOut(s, lo);
    t0 = s;
    lo = a1 * b1;
    s = t1 + lo;
    hi = unsignedMultiplyHigh(a1, b1) + carryOut(s, lo);
    t1 = s + carry;
    hi += carryOut(t1, carry);
    s = t2 + hi;
    long t3 = carryOut(s, hi);
    t2 = s;
    m = t0 * negInverse;
    carry = unsignedMultiplyHigh(m, n0) + nonZero(t0);
    lo = m * n1;
    s = t1 + lo;
    hi = unsignedMultiplyHigh(m, n1) + carryOut(s, lo);
    t0 = s + carry;
    hi += carryOut(t0, carry);
    t1 = t2 + hi;
    t2 = t3 + carryOut(t1, hi);
    return subtractModulusIfAtLeast(t0, t1, t2);
  }

  /** a + b: the plain sum when lazy, else reduced into [0, n). */
  long add(long a0, long a1, long b0, long b1) {
    if (lazy) {
      long s0 = a0 + b0;
      high = a1 + b1 + carryOut(s0, b0);
      return s0;
    }
    return addCanonical(a0, a1, b0, b1);
  }

  private long addCanonical(long a0, long a1, long b0, long b1) {
    long s0 = a0 + b0;
    long c = carryOut(s0, b0);
    long s1 = a1 + b1;
    long c1 = carryOut(s1, b1);
    s1 += c;
    c1 += carryOut(s1, c);
    return subtractModulusIfAtLeast(s0, s1, c1);
  }

  /** a - b + 2n when lazy (b below 2n), else a - b mod n in [0, n). */
  long subtract(long a0, long a1, long b0, long b1) {
    if (lazy) {
      long u0 = a0 + twoN0;
      long u1 = a1 + twoN1 + carryOut(u0, twoN0);
      high = u1 - b1 - borrowOut(u0, b0);
      return u0 - b0;
    }
    return subtractCanonical(a0, a1, b0, b1);
  }

  private long subtractCanonical(long a0, long a1, long b0, long b1) {
    long d0 = a0 - b0;
    long borrow0 = borrowOut(a0, b0);
    long d1 = a1 - b1 - borrow0;
    long mask = -borrowOut(a1, b1, d1);
    long s0 = d0 + (n0 & mask);
    high = d1 + (n1 & mask) + carryOut(s0, n0 & mask);
    return s0;
  }

  /** t - n when the three-word t = (t0, t1, t2), t < 2n, is at least n, else t; no branch. */
  private long subtractModulusIfAtLeast(long t0, long t1, long t2) {
    long d0 = t0 - n0;
    long borrow0 = borrowOut(t0, n0);
    long d1 = t1 - n1 - borrow0;
    long borrow1 = borrowOut(t1, n1, d1);
    // t >= n exactly when the borrow out of the two low words is covered by the third word
    long keep = (t2 - borrow1) >> 63;
    high = d1 ^ ((d1 ^ t1) & keep);
    return d0 ^ ((d0 ^ t0) & keep);
  }

  /** The unsigned high word of a * b. */
  static long unsignedMultiplyHigh(long a, long b) {
    return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
  }

  /** The unsigned high word of a * b for b below 2^63. */
  private static long multiplyHighByNonNegative(long a, long b) {
    return Math.multiplyHigh(a, b) + ((a >> 63) & b);
  }

  /**
   * 1 when the unsigned sum that gave {@code sum} wrapped around, that is sum < addend. Spelled
   * without Long.compareUnsigned, whose nested calls count against the JIT's limit on the bytecode
   * inlined into one method (8000), which ECM's loops come close to.
   */
  private static long carryOut(long sum, long addend) {
    return (sum ^ Long.MIN_VALUE) < (addend ^ Long.MIN_VALUE) ? 1 : 0;
  }

  /** 1 when the unsigned a - b borrows. */
  private static long borrowOut(long a, long b) {
    return (a ^ Long.MIN_VALUE) < (b ^ Long.MIN_VALUE) ? 1 : 0;
  }

  /** 1 when difference = a - b - borrowIn (borrowIn 0 or 1) borrows, read from the sign bits. */
  private static long borrowOut(long a, long b, long difference) {
    return ((~a & b) | ((~a | b) & difference)) >>> 63;
  }

  /** 1 when x is not zero. */
  private static long nonZero(long x) {
    return (x | -x) >>> 63;
  }
}
