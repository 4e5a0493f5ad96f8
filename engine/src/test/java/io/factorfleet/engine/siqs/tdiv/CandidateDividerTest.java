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

  @ParameterizedTest
  @ValueSource(ints = {50, 70})
  void shouldSplitCofactorsIntoTwoLargePrimesAsTrialDivisionDoes(int digits) {
    BigInteger n = SemiprimeNumbers.seeded(digits).aSemiprimeOfDigits(digits);
    SiqsParameters table = SiqsParameters.forBits(n.bitLength());
    int doubleBits = 2 * (64 - Long.numberOfLeadingZeros(table.largePrimeMultiplier())) + 30;
    FactorBase factorBase = FactorBase.of(n, table.factorBaseSize());
    int halfWidth = table.sieveHalfWidth();
    long bound = (long) factorBase.largestPrime() * table.largePrimeMultiplier();
    CandidateDivider divider = new CandidateDivider(factorBase, halfWidth, bound, 1L << doubleBits);
    SieveCore sieve =
        new SieveCore(factorBase, halfWidth, table.smallPrimeLimit(), table.thresholdSlack() + 12);
    ACoefficients choice = new ACoefficients(factorBase, halfWidth, table.smallPrimeLimit());
    int[] candidates = new int[4096];
    int partialPartials = 0;
    for (long aIndex = 0; aIndex < 4 && partialPartials == 0; aIndex++) {
      PolynomialFamily family =
          new PolynomialFamily(factorBase, halfWidth, choice.primeIndices(aIndex));
      do {
        sieve.sieve(family);
        int count = sieve.candidates(candidates);
        for (int i = 0; i < count; i++) {
          Relation expected =
              bySlowTrialDivision(factorBase, family, candidates[i], bound, 1L << doubleBits);
          assertThat(divider.divide(family, candidates[i]))
              .as("position %d", candidates[i])
              .isEqualTo(expected);
          partialPartials += expected != null && expected.isPartialPartial() ? 1 : 0;
        }
      } while (family.next());
    }
    assertThat(partialPartials).isPositive();
  }

  /** (A x + b)^2 - kN divided by every factor-base prime as often as it goes. */
  private static Relation bySlowTrialDivision(
      FactorBase factorBase, PolynomialFamily family, int position, long bound) {
    return bySlowTrialDivision(factorBase, family, position, bound, 0);
  }

  /** As above, a rest below doubleBound made of two primes below bound making two large primes. */
  private static Relation bySlowTrialDivision(
      FactorBase factorBase, PolynomialFamily family, int position, long bound, long doubleBound) {
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
    int[] sorted = primes.stream().mapToInt(Integer::intValue).sorted().toArray();
    if (rest.compareTo(BigInteger.valueOf(bound)) < 0) {
      return new Relation(y, value.signum() < 0, sorted, rest.longValueExact());
    }
    if (rest.compareTo(BigInteger.valueOf(doubleBound)) >= 0 || rest.isProbablePrime(40)) {
      return null;
    }
    for (int j = 0; j < factorBase.size(); j++) { // no factor-base prime is left in rest
      assertThat(rest.mod(BigInteger.valueOf(factorBase.prime(j)))).isNotZero();
    }
    BigInteger one = rho(rest);
    BigInteger smaller = one.min(rest.divide(one));
    BigInteger larger = rest.divide(smaller);
    if (!smaller.isProbablePrime(40)
        || !larger.isProbablePrime(40)
        || larger.compareTo(BigInteger.valueOf(bound)) >= 0) {
      return null;
    }
    return new Relation(
        y, value.signum() < 0, sorted, smaller.longValueExact(), larger.longValueExact());
  }

  /** A proper factor of the composite m by Pollard's rho with Floyd's cycle finding. */
  private static BigInteger rho(BigInteger m) {
    for (long c = 1; ; c++) {
      BigInteger increment = BigInteger.valueOf(c);
      BigInteger slow = BigInteger.TWO;
      BigInteger fast = BigInteger.TWO;
      BigInteger divisor = BigInteger.ONE;
      while (divisor.equals(BigInteger.ONE)) {
        slow = slow.multiply(slow).add(increment).mod(m);
        fast = fast.multiply(fast).add(increment).mod(m);
        fast = fast.multiply(fast).add(increment).mod(m);
        divisor = slow.subtract(fast).gcd(m);
      }
      if (!divisor.equals(m)) {
        return divisor;
      }
    }
  }
}
