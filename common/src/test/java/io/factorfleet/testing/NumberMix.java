package io.factorfleet.testing;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Builds test inputs of mixed sizes, with the edge cases that break factoring code: 0, 1, primes
 * near 2^63 and 2^64, 2^64 itself, squares of large primes, Carmichael numbers, semiprimes.
 */
public final class NumberMix {
  private final Random random;
  private final List<String> numbers = new ArrayList<>();

  private NumberMix(long seed) {
    this.random = new Random(seed);
  }

  public static NumberMix withSeed(long seed) {
    return new NumberMix(seed);
  }

  /** Random numbers of every bit length from {@code minBits} to {@code maxBits}, evenly spread. */
  public NumberMix random(int count, int minBits, int maxBits) {
    for (int i = 0; i < count; i++) {
      int bits = minBits + random.nextInt(maxBits - minBits + 1);
      numbers.add(new BigInteger(bits, random).setBit(bits - 1).toString());
    }
    return this;
  }

  /** Products of two random primes of {@code bits} bits each. */
  public NumberMix semiprimes(int count, int bits) {
    for (int i = 0; i < count; i++) {
      numbers.add(prime(bits).multiply(prime(bits)).toString());
    }
    return this;
  }

  /** Squares of random primes of {@code bits} bits. */
  public NumberMix squaresOfPrimes(int count, int bits) {
    for (int i = 0; i < count; i++) {
      numbers.add(prime(bits).pow(2).toString());
    }
    return this;
  }

  public NumberMix edgeCases() {
    BigInteger two64 = BigInteger.ONE.shiftLeft(64);
    BigInteger two63 = BigInteger.ONE.shiftLeft(63);
    numbers.addAll(
        List.of(
            "0",
            "1",
            "2",
            "3",
            "4",
            "561",
            "41041",
            "825265",
            "9223372036854775783",
            "18446744073709551557",
            "18446744073709551615",
            two64.toString(),
            two64.add(BigInteger.ONE).toString(),
            two63.toString(),
            two63.subtract(BigInteger.ONE).toString(),
            "4294967291",
            "18446744030759878681",
            "340282366920938463463374607431768211455"));
    return this;
  }

  public NumberMix shuffled() {
    Collections.shuffle(numbers, random);
    return this;
  }

  public List<String> build() {
    return List.copyOf(numbers);
  }

  private BigInteger prime(int bits) {
    return BigInteger.probablePrime(bits, random);
  }
}
