package io.factorfleet.engine.siqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SiqsTest {

  @ParameterizedTest
  @ValueSource(ints = {25, 30, 35, 40, 45, 50, 55, 60})
  void shouldSplitBalancedSemiprimesOfEachSize(int digits) {
    SemiprimeNumbers numbers = SemiprimeNumbers.seeded(100 + digits);
    BigInteger n = numbers.aSemiprimeOfDigits(digits);

    BigInteger factor = new Siqs(n, 1, () -> false, SiqsListener.NONE).findFactor();

    assertProperFactor(n, factor);
  }

  @ParameterizedTest
  @ValueSource(ints = {22, 25, 28, 30, 32})
  void shouldSplitManySmallNumbersWhoseFactorBasesAreSmall(int digits) {
    SemiprimeNumbers numbers = SemiprimeNumbers.seeded(200 + digits);
    for (int i = 0; i < 40; i++) {
      BigInteger n = numbers.aSemiprimeOfDigits(digits);
      assertProperFactor(n, new Siqs(n, 1, () -> false, SiqsListener.NONE).findFactor());
    }
  }

  @Test
  void shouldSplitANumberWhoseFewAWereOnceAllAlike() {
    // 379809851709647 * 518520443705051: its first A coefficients used to repeat
    BigInteger n = new BigInteger("196939172832035785571359326997");

    assertProperFactor(n, new Siqs(n, 1, () -> false, SiqsListener.NONE).findFactor());
  }

  @Test
  void shouldSplitOnSeveralThreads() {
    BigInteger n = SemiprimeNumbers.seeded(7).aSemiprimeOfDigits(50);

    assertProperFactor(n, new Siqs(n, 2, () -> false, SiqsListener.NONE).findFactor());
  }

  @ParameterizedTest
  @ValueSource(ints = {40, 50})
  void shouldSplitWithRelationsOfTwoLargePrimes(int digits) {
    BigInteger n = SemiprimeNumbers.seeded(300 + digits).aSemiprimeOfDigits(digits);
    SiqsParameters table = SiqsParameters.forBits(n.bitLength() + 3);
    SiqsParameters withTwo =
        new SiqsParameters(
            table.factorBaseSize(),
            table.sieveHalfWidth(),
            table.largePrimeMultiplier(),
            table.smallPrimeLimit(),
            table.thresholdSlack() + 10,
            table.extraRelations(),
            44);

    BigInteger factor = new Siqs(n, withTwo, 1, () -> false, SiqsListener.NONE).findFactor();

    assertProperFactor(n, factor);
  }

  @Test
  void shouldSplitNumbersWithThreeFactors() {
    BigInteger n =
        BigInteger.probablePrime(50, new Random(1))
            .multiply(BigInteger.probablePrime(50, new Random(2)))
            .multiply(BigInteger.probablePrime(50, new Random(3)));

    assertProperFactor(n, new Siqs(n, 1, () -> false, SiqsListener.NONE).findFactor());
  }

  @Test
  void shouldReportRelationsAndTheMatrix() {
    BigInteger n = SemiprimeNumbers.seeded(8).aSemiprimeOfDigits(40);
    AtomicInteger lastFound = new AtomicInteger();
    AtomicInteger matrixColumns = new AtomicInteger();
    SiqsListener listener =
        new SiqsListener() {
          @Override
          public void relations(int columns, int needed, int partials) {
            assertThat(columns).isGreaterThanOrEqualTo(lastFound.get());
            lastFound.set(columns);
          }

          @Override
          public void matrix(int rows, int columns) {
            matrixColumns.set(columns);
          }
        };
    Siqs siqs = new Siqs(n, 1, () -> false, listener);

    assertProperFactor(n, siqs.findFactor());
    assertThat(lastFound.get()).isGreaterThanOrEqualTo(siqs.parameters().relationsNeeded());
    assertThat(matrixColumns.get()).isEqualTo(lastFound.get());
  }

  @Test
  void shouldGiveUpWhenStopped() {
    BigInteger n = SemiprimeNumbers.seeded(9).aSemiprimeOfDigits(70);
    AtomicInteger polls = new AtomicInteger();

    BigInteger factor =
        new Siqs(n, 2, () -> polls.incrementAndGet() > 20, SiqsListener.NONE).findFactor();

    assertThat(factor).isNull();
  }

  @Test
  void shouldReturnAFactorBasePrimeThatDividesN() {
    BigInteger p = BigInteger.valueOf(1_000_003);
    BigInteger n = p.multiply(BigInteger.probablePrime(100, new Random(4)));
    Siqs siqs = new Siqs(n, 1, () -> false, SiqsListener.NONE);

    assertProperFactor(n, siqs.findFactor());
  }

  private static void assertProperFactor(BigInteger n, BigInteger factor) {
    assertThat(factor).isNotNull();
    assertThat(factor).isGreaterThan(BigInteger.ONE).isLessThan(n);
    assertThat(n.mod(factor)).isZero();
  }
}
