package io.factorfleet.engine;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * The prime factorization of one non-negative integer, possibly partial.
 *
 * @param number the integer that was factored
 * @param primes its prime factors found so far, ascending, with repeats; immutable
 * @param cofactor {@code null} when the factorization is complete, otherwise the composite part
 *     left when the time budget ran out, so that the product of {@code primes} times {@code
 *     cofactor} equals {@code number}. 0 and 1 have no primes.
 */
public record Factorization(BigInteger number, List<BigInteger> primes, BigInteger cofactor) {

  /** Validates the arguments and takes an immutable copy of {@code primes}. */
  public Factorization {
    Objects.requireNonNull(number, "number must not be null");
    primes = List.copyOf(primes);
  }

  /** Returns true when every prime factor was found. */
  public boolean isComplete() {
    return cofactor == null;
  }
}
