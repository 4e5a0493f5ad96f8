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
 * @param methods how each prime was found: {@code methods.get(i)} for {@code primes.get(i)}
 */
public record Factorization(
    BigInteger number, List<BigInteger> primes, BigInteger cofactor, List<FactorMethod> methods) {

  /** Validates the arguments and takes immutable copies of the lists. */
  public Factorization {
    Objects.requireNonNull(number, "number must not be null");
    primes = List.copyOf(primes);
    methods = List.copyOf(methods);
    if (methods.size() != primes.size()) {
      throw new IllegalArgumentException(
          "there must be one method per prime but there are "
              + methods.size()
              + " for "
              + primes.size());
    }
  }

  /** Returns true when every prime factor was found. */
  public boolean isComplete() {
    return cofactor == null;
  }
}
