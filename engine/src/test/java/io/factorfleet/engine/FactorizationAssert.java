package io.factorfleet.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/** AssertJ assertions on a {@link Factorization}. */
final class FactorizationAssert extends AbstractAssert<FactorizationAssert, Factorization> {

  private FactorizationAssert(Factorization actual) {
    super(actual, FactorizationAssert.class);
  }

  static FactorizationAssert assertThatFactorization(Factorization actual) {
    return new FactorizationAssert(actual);
  }

  /** Complete, every factor prime, ascending, and the product equals the number. */
  FactorizationAssert isCompleteAndCorrect() {
    isNotNull();
    assertThat(actual.isComplete()).as("complete factorization of %s", actual.number()).isTrue();
    return isConsistent();
  }

  /** Every listed factor prime, ascending, and primes times cofactor equals the number. */
  FactorizationAssert isConsistent() {
    isNotNull();
    List<BigInteger> primes = actual.primes();
    BigInteger product = actual.cofactor() == null ? BigInteger.ONE : actual.cofactor();
    for (int i = 0; i < primes.size(); i++) {
      BigInteger p = primes.get(i);
      assertThat(p.isProbablePrime(64))
          .as("%s is a prime factor of %s", p, actual.number())
          .isTrue();
      if (i > 0) {
        assertThat(p)
            .as("factors of %s ascending", actual.number())
            .isGreaterThanOrEqualTo(primes.get(i - 1));
      }
      product = product.multiply(p);
    }
    if (actual.number().signum() == 0) {
      assertThat(primes).isEmpty();
    } else {
      assertThat(product)
          .as("product of the factors of %s", actual.number())
          .isEqualTo(actual.number());
    }
    if (actual.cofactor() != null) {
      assertThat(actual.cofactor().isProbablePrime(64)).as("cofactor is composite").isFalse();
    }
    return this;
  }

  FactorizationAssert hasPrimes(long... expected) {
    isNotNull();
    assertThat(actual.primes())
        .containsExactly(
            java.util.Arrays.stream(expected)
                .mapToObj(BigInteger::valueOf)
                .toArray(BigInteger[]::new));
    return this;
  }
}
