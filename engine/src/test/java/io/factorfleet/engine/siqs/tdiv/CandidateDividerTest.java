package io.factorfleet.engine.siqs.tdiv;

import static org.assertj.core.api.Assertions.assertThat;

import io.factorfleet.engine.siqs.FactorBase;
import io.factorfleet.engine.siqs.Relation;
import io.factorfleet.engine.siqs.SemiprimeNumbers;
import io.factorfleet.engine.siqs.SiqsParameters;
import io.factorfleet.engine.siqs.poly.ACoefficients;
import io.factorfleet.engine.siqs.poly.PolynomialFamily;
import io.factorfleet.engine.siqs.sieve.SieveCore;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CandidateDividerTest {

  @ParameterizedTest
  @ValueSource(ints = {30, 50, 70})
  void shouldAgreeWithTrialDivisionByEveryFactorBasePrimeOnEverySieveCandidate(int digits) {
    BigInteger n = SemiprimeNumbers.seeded(digits).aSemiprimeOfDigits(digits);
    SiqsParameters parameters = SiqsParameters.forBits(n.bitLength());
    FactorBase factorBase = FactorBase.of(n, parameters.factorBaseSize());
    int halfWidth = parameters.sieveHalfWidth();
    long bound = (long) factorBase.largestPrime() * parameters.largePrimeMultiplier();
    CandidateDivider divider = new CandidateDivider(factorBase, halfWidth, bound);
    SieveCore sieve =
        new SieveCore(
            factorBase, halfWidth, parameters.smallPrimeLimit(), parameters.thresholdSlack());
    ACoefficients choice = new ACoefficients(factorBase, halfWidth, parameters.smallPrimeLimit());
    int[] candidates = new int[4096];
    int relations = 0;
    for (long aIndex = 0; aIndex < 2; aIndex++) {
      PolynomialFamily family =
          new PolynomialFamily(factorBase, halfWidth, choice.primeIndices(aIndex));
      for (int polynomial = 0; polynomial < 8; polynomial++) {
        sieve.sieve(family);
        int count = sieve.candidates(candidates);
        for (int i = 0; i < count; i++) {
          Relation expected = bySlowTrialDivision(factorBase, family, candidates[i], bound);
          assertThat(divider.divide(family, candidates[i]))
              .as("position %d", candidates[i])
              .isEqualTo(expected);
          relations += expected == null ? 0 : 1;
        }
        family.next();
      }
    }
    assertThat(relations).isPositive();
  }

  /** (A x + b)^2 - kN divided by every factor-base prime as often as it goes. */
  private static Relation bySlowTrialDivision(
      FactorBase factorBase, PolynomialFamily family, int position, long bound) {
    BigInteger x = BigInteger.valueOf(position - family.halfWidth());
    BigInteger y = family.a().multiply(x).add(family.b());
    BigInteger value = y.multiply(y).subtract(factorBase.kN());
    BigInteger rest = value.abs();
    List<Integer> primes = new ArrayList<>();
    for (int j = 0; j < factorBase.size(); j++) {
      BigInteger p = BigInteger.valueOf(factorBase.prime(j));
      while (rest.mod(p).signum() == 0) {
        rest = rest.divide(p);
        primes.add(factorBase.prime(j));
      }
    }
    if (rest.compareTo(BigInteger.valueOf(bound)) >= 0) {
      return null;
    }
    int[] sorted = primes.stream().mapToInt(Integer::intValue).sorted().toArray();
    return new Relation(y, value.signum() < 0, sorted, rest.longValueExact());
  }
}
