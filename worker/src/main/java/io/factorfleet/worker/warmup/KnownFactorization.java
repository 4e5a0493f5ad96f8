package io.factorfleet.worker.warmup;

import java.math.BigInteger;
import java.util.List;

/**
 * A number of the warm-up sample and the primes it was made of.
 *
 * @param number the product of {@code primes}, as decimal text
 * @param primes its prime factors, ascending, with repeats, as decimal text
 */
public record KnownFactorization(String number, List<String> primes) {
  public KnownFactorization {
    primes = List.copyOf(primes);
  }

  static KnownFactorization of(List<BigInteger> primes) {
    BigInteger product = primes.stream().reduce(BigInteger.ONE, BigInteger::multiply);
    return new KnownFactorization(
        product.toString(), primes.stream().sorted().map(BigInteger::toString).toList());
  }
}
