package io.factorfleet.engine.siqs;

import java.math.BigInteger;
import java.util.Random;

/** Balanced semiprimes of a given number of digits, drawn from a seeded {@link Random}. */
public final class SemiprimeNumbers {

  private final Random random;

  private SemiprimeNumbers(long seed) {
    this.random = new Random(seed);
  }

  public static SemiprimeNumbers seeded(long seed) {
    return new SemiprimeNumbers(seed);
  }

  /** The product of two primes of about half as many digits, with exactly {@code digits}. */
  public BigInteger aSemiprimeOfDigits(int digits) {
    int bits = (int) Math.ceil(digits / Math.log10(2));
    while (true) {
      BigInteger p = BigInteger.probablePrime(bits / 2, random);
      BigInteger q = BigInteger.probablePrime(bits - bits / 2, random);
      BigInteger n = p.multiply(q);
      if (n.toString().length() == digits && !p.equals(q)) {
        return n;
      }
    }
  }
}
