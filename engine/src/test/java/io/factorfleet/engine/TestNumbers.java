package io.factorfleet.engine;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Builders of test integers with a known shape, all drawn from a seeded {@link Random}. */
final class TestNumbers {

  private final Random random;

  private TestNumbers(long seed) {
    this.random = new Random(seed);
  }

  static TestNumbers seeded(long seed) {
    return new TestNumbers(seed);
  }

  /** A uniformly random integer of at most {@code bits} bits. */
  BigInteger aRandomInteger(int bits) {
    return new BigInteger(bits, random);
  }

  /** A prime of exactly {@code bits} bits. */
  BigInteger aPrime(int bits) {
    return BigInteger.probablePrime(bits, random);
  }

  /** The product of two primes of exactly {@code bits} bits each. */
  BigInteger aSemiprime(int bits) {
    return aPrime(bits).multiply(aPrime(bits));
  }

  /** {@code count} random integers of at most {@code bits} bits. */
  List<BigInteger> randomIntegers(int count, int bits) {
    List<BigInteger> numbers = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      numbers.add(aRandomInteger(bits));
    }
    return numbers;
  }

  /**
   * A number of about {@code bits} bits made of random primes of at most {@code maxFactorBits} bits
   * and one large prime, so that it is quick to factor whatever its size.
   */
  BigInteger aSmoothTimesPrime(int bits, int maxFactorBits) {
    BigInteger n = BigInteger.ONE;
    while (n.bitLength() < bits / 2) {
      n = n.multiply(aPrime(2 + random.nextInt(maxFactorBits - 1)));
    }
    int rest = bits - n.bitLength();
    return rest >= 2 ? n.multiply(aPrime(rest)) : n;
  }

  long aRandomLong() {
    return random.nextLong();
  }
}
