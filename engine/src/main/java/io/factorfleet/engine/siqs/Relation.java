package io.factorfleet.engine.siqs;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * One relation of the quadratic sieve: {@code y^2 - kN}, written out as its sign, its primes from
 * the factor base (ascending, with repeats) and at most two large primes outside it.
 *
 * <p>A relation depends on nothing but {@code kN}: {@link #holdsFor} checks it on its own, so
 * relations can come from anywhere (another thread, another worker) and still be trusted.
 *
 * @param y the square root side, {@code A x + b} of the polynomial that found it
 * @param negative whether {@code y^2 - kN} is negative
 * @param primes the factor-base primes of {@code |y^2 - kN|}, ascending, with repeats
 * @param largePrime the smaller prime above the factor base that divides it, or 1 for none
 * @param secondLargePrime the larger one (a partial-partial relation), or 1 for none
 */
public record Relation(
    BigInteger y, boolean negative, int[] primes, long largePrime, long secondLargePrime) {

  public Relation {
    primes = primes.clone();
    if (largePrime < 1 || secondLargePrime < 1) {
      throw new IllegalArgumentException(
          "large primes must be positive but were " + largePrime + " and " + secondLargePrime);
    }
    if (largePrime == 1 && secondLargePrime != 1) {
      largePrime = secondLargePrime;
      secondLargePrime = 1;
    } else if (secondLargePrime != 1 && secondLargePrime < largePrime) {
      long smaller = secondLargePrime;
      secondLargePrime = largePrime;
      largePrime = smaller;
    }
  }

  /** A relation with at most one large prime: {@code largePrime}, or 1 for none. */
  public Relation(BigInteger y, boolean negative, int[] primes, long largePrime) {
    this(y, negative, primes, largePrime, 1);
  }

  /** Whether this relation has a large prime (a partial relation) or two. */
  public boolean isPartial() {
    return largePrime != 1;
  }

  /** Whether this relation has two large primes. */
  public boolean isPartialPartial() {
    return secondLargePrime != 1;
  }

  @Override
  public int[] primes() {
    return primes.clone();
  }

  /** The number of factor-base primes, with repeats. */
  public int primeCount() {
    return primes.length;
  }

  /** The factor-base prime at {@code index} of {@link #primes()}, without copying the array. */
  public int prime(int index) {
    return primes[index];
  }

  /** {@code y^2 - kN} as this relation states it: sign, primes and large prime multiplied. */
  public BigInteger value() {
    // factor-base primes are below 2^31: gather them into longs below 2^32 first
    BigInteger product =
        BigInteger.valueOf(largePrime).multiply(BigInteger.valueOf(secondLargePrime));
    long chunk = 1;
    for (int p : primes) {
      if (chunk >= 1L << 32) {
        product = product.multiply(BigInteger.valueOf(chunk));
        chunk = 1;
      }
      chunk *= p;
    }
    product = product.multiply(BigInteger.valueOf(chunk));
    return negative ? product.negate() : product;
  }

  /** Whether {@code y^2 - kN} is exactly what this relation says it is. */
  public boolean holdsFor(BigInteger kN) {
    return y.multiply(y).subtract(kN).equals(value());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Relation that
        && y.equals(that.y)
        && negative == that.negative
        && largePrime == that.largePrime
        && secondLargePrime == that.secondLargePrime
        && Arrays.equals(primes, that.primes);
  }

  @Override
  public int hashCode() {
    return y.hashCode() * 31 + Arrays.hashCode(primes);
  }

  @Override
  public String toString() {
    return "Relation[y="
        + y
        + ", "
        + (negative ? "-" : "+")
        + Arrays.toString(primes)
        + (isPartial() ? " * " + largePrime : "")
        + (isPartialPartial() ? " * " + secondLargePrime : "")
        + "]";
  }
}
