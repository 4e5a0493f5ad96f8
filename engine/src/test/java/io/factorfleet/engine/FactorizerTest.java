package io.factorfleet.engine;

import static io.factorfleet.engine.FactorizationAssert.assertThatFactorization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.factorfleet.engine.siqs.SemiprimeNumbers;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FactorizerTest {

  private static final BigInteger TWO_POW_64 = BigInteger.ONE.shiftLeft(64);

  private final Factorizer factorizer = new Factorizer(Factorizer.DEFAULT_BUDGET);

  private Factorization factor(String n) {
    return factorizer.factor(new BigInteger(n));
  }

  @Test
  void shouldGiveNoPrimesForZeroAndOne() {
    assertThat(factor("0").primes()).isEmpty();
    assertThat(factor("0").isComplete()).isTrue();
    assertThat(factor("1").primes()).isEmpty();
    assertThat(factor("1").isComplete()).isTrue();
  }

  @Test
  void shouldFactorSmallNumbers() {
    assertThatFactorization(factor("2")).hasPrimes(2);
    assertThatFactorization(factor("4")).hasPrimes(2, 2);
    assertThatFactorization(factor("12345")).hasPrimes(3, 5, 823);
    assertThatFactorization(factor("1024")).hasPrimes(2, 2, 2, 2, 2, 2, 2, 2, 2, 2);
    for (int n = 0; n < 20_000; n++) {
      assertThatFactorization(factorizer.factor(BigInteger.valueOf(n))).isCompleteAndCorrect();
    }
  }

  @Test
  void shouldRejectNegativeNumbers() {
    assertThatThrownBy(() -> factor("-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative");
  }

  @Test
  void shouldRejectBudgetsThatAreNotPositive() {
    assertThatThrownBy(() -> new Factorizer(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Factorizer(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldAcceptHugeBudgets() {
    assertThatFactorization(
            new Factorizer(Duration.ofSeconds(Long.MAX_VALUE)).factor(BigInteger.TEN))
        .hasPrimes(2, 5);
  }

  @Test
  void shouldFactorPrimesNearTheWordBoundaries() {
    assertThatFactorization(factor("9223372036854775783")).hasPrimes(9223372036854775783L);
    assertThat(factor("18446744073709551557").primes())
        .containsExactly(new BigInteger("18446744073709551557"));
    assertThat(factor("340282366920938463463374607431768211297").primes())
        .containsExactly(new BigInteger("340282366920938463463374607431768211297"));
  }

  @Test
  void shouldFactorTwoToThe64AndItsNeighbours() {
    Factorization power = factorizer.factor(TWO_POW_64);
    assertThat(power.primes()).hasSize(64).containsOnly(BigInteger.TWO);
    assertThatFactorization(factorizer.factor(TWO_POW_64.subtract(BigInteger.ONE)))
        .hasPrimes(3, 5, 17, 257, 641, 65537, 6700417);
    assertThatFactorization(factorizer.factor(TWO_POW_64.add(BigInteger.ONE)))
        .hasPrimes(274177, 67280421310721L);
  }

  @Test
  void shouldFactorCarmichaelNumbersAndStrongPseudoprimes() {
    assertThatFactorization(factor("561")).hasPrimes(3, 11, 17);
    assertThatFactorization(factor("3215031751")).hasPrimes(151, 751, 28351);
    assertThatFactorization(factor("3825123056546413051")).hasPrimes(149491, 747451, 34233211);
    assertThatFactorization(factor("318665857834031151167461")).isCompleteAndCorrect();
    assertThatFactorization(factor("3317044064679887385961981")).isCompleteAndCorrect();
    // (6k + 1)(12k + 1)(18k + 1) is a Carmichael number when all three factors are prime
    int found = 0;
    for (long k = 1_000_000; found < 5; k++) {
      BigInteger a = BigInteger.valueOf(6 * k + 1);
      BigInteger b = BigInteger.valueOf(12 * k + 1);
      BigInteger c = BigInteger.valueOf(18 * k + 1);
      if (a.isProbablePrime(40) && b.isProbablePrime(40) && c.isProbablePrime(40)) {
        found++;
        assertThat(factorizer.factor(a.multiply(b).multiply(c)).primes()).containsExactly(a, b, c);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {11, 17, 21, 25, 31, 32, 40, 50})
  void shouldFactorPerfectPowersOfLargePrimes(int bits) {
    BigInteger p = TestNumbers.seeded(bits).aPrime(bits);
    for (int k = 2; k * bits <= 130; k++) {
      assertThat(factorizer.factor(p.pow(k)).primes()).hasSize(k).containsOnly(p);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {16, 24, 31, 32, 40, 48, 50, 60})
  void shouldFactorProductsOfTwinPrimes(int bits) {
    BigInteger p = BigInteger.ONE.shiftLeft(bits - 1).add(BigInteger.ONE);
    while (!(p.isProbablePrime(40) && p.add(BigInteger.TWO).isProbablePrime(40))) {
      p = p.add(BigInteger.TWO);
    }
    BigInteger q = p.add(BigInteger.TWO);
    assertThat(factorizer.factor(p.multiply(q)).primes()).containsExactly(p, q);
  }

  @Test
  void shouldFactorMersenneNumbers() {
    for (int k = 2; k <= 128; k++) {
      BigInteger m = BigInteger.ONE.shiftLeft(k).subtract(BigInteger.ONE);
      assertThatFactorization(factorizer.factor(m)).isCompleteAndCorrect();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {8, 16, 20, 24, 31, 32, 33, 40, 48, 56, 62, 63, 64})
  void shouldFactorRandomIntegersOfEverySizeUpTo64Bits(int bits) {
    TestNumbers numbers = TestNumbers.seeded(1000 + bits);
    for (BigInteger n : numbers.randomIntegers(2_000, bits)) {
      assertThatFactorization(factorizer.factor(n)).isCompleteAndCorrect();
    }
  }

  @Test
  void shouldFactorNumbersMadeOfManyTrialDivisionPrimesWithRepeats() {
    // products of powers of the odd primes below 2^11 (the trial-division table), alone and
    // times a prime or a semiprime above it: divisors next to each other in the table, repeated
    // ones, and cofactors that fall below 2^22 part way through the scan
    java.util.Random random = new java.util.Random(2048);
    int[] smallPrimes =
        java.util.stream.IntStream.range(3, 2048)
            .filter(i -> BigInteger.valueOf(i).isProbablePrime(30))
            .toArray();
    BigInteger[] tails = {
      BigInteger.ONE,
      BigInteger.valueOf(2053),
      BigInteger.valueOf(4_194_319), // first prime above 2^22
      BigInteger.valueOf(2053L * 2063),
      BigInteger.valueOf(1_000_000_007L)
    };
    for (int i = 0; i < 20_000; i++) {
      BigInteger n = tails[i % tails.length];
      int parts = 1 + random.nextInt(6);
      for (int k = 0; k < parts; k++) {
        int index = random.nextInt(smallPrimes.length);
        if (random.nextBoolean() && index + 1 < smallPrimes.length) {
          n = n.multiply(BigInteger.valueOf(smallPrimes[index + 1])); // a neighbour as well
        }
        n = n.multiply(BigInteger.valueOf(smallPrimes[index]).pow(1 + random.nextInt(3)));
      }
      if (n.bitLength() <= 64) {
        assertThatFactorization(factorizer.factor(n)).isCompleteAndCorrect();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {65, 72, 80, 90, 100, 110, 128})
  void shouldFactorRandomIntegersUpTo128Bits(int bits) {
    TestNumbers numbers = TestNumbers.seeded(2000 + bits);
    for (BigInteger n : numbers.randomIntegers(40, bits)) {
      assertThatFactorization(factorizer.factor(n)).isCompleteAndCorrect();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {140, 200, 260, 332})
  void shouldFactorLargeNumbersWithOneLargePrime(int bits) {
    TestNumbers numbers = TestNumbers.seeded(3000 + bits);
    for (int i = 0; i < 20; i++) {
      BigInteger n = numbers.aSmoothTimesPrime(bits, 40);
      assertThatFactorization(factorizer.factor(n)).isCompleteAndCorrect();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {16, 20, 24, 28, 31, 32})
  void shouldFactorSemiprimesOfTwoEqualSizedPrimes(int bits) {
    TestNumbers numbers = TestNumbers.seeded(4000 + bits);
    for (int i = 0; i < 200; i++) {
      BigInteger p = numbers.aPrime(bits);
      BigInteger q = numbers.aPrime(bits);
      assertThat(factorizer.factor(p.multiply(q)).primes()).containsExactly(p.min(q), p.max(q));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {36, 40, 44, 50})
  void shouldFactorSemiprimesBeyond64Bits(int bits) {
    TestNumbers numbers = TestNumbers.seeded(5000 + bits);
    for (int i = 0; i < 3; i++) {
      BigInteger p = numbers.aPrime(bits);
      BigInteger q = numbers.aPrime(bits);
      assertThat(factorizer.factor(p.multiply(q)).primes()).containsExactly(p.min(q), p.max(q));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {65, 66, 121, 122, 123, 124, 126, 127, 128})
  void shouldFactorProductsOfA36BitPrimeAndALargePrimeOfEveryTwoWordSize(int bits) {
    TestNumbers numbers = TestNumbers.seeded(5500 + bits);
    for (int i = 0; i < 4; i++) {
      BigInteger p = numbers.aPrime(36);
      BigInteger q = numbers.aPrime(bits - 36);
      while (p.multiply(q).bitLength() != bits) {
        q = numbers.aPrime(bits - 36);
      }
      assertThat(factorizer.factor(p.multiply(q)).primes()).containsExactly(p.min(q), p.max(q));
    }
  }

  @Test
  void shouldFactorNumbersWithManyPrimesAboveTheTrialDivisionTable() {
    // up to five primes above 2^11 in 64 bits: each split leaves composites waiting, and the
    // primes are found out of order, repeats included
    long[] primes = {2053, 2063, 2069, 2081, 2083, 4099, 65_537, 1_048_583};
    java.util.Random random = new java.util.Random(2053);
    for (int i = 0; i < 5_000; i++) {
      BigInteger n = BigInteger.valueOf(1 + random.nextInt(4)); // 1, 2, 3 or 4 below the table
      while (true) {
        BigInteger next = n.multiply(BigInteger.valueOf(primes[random.nextInt(primes.length)]));
        if (next.bitLength() > 64) {
          break;
        }
        n = next;
      }
      assertThatFactorization(factorizer.factor(n)).isCompleteAndCorrect();
    }
    assertThatFactorization(factor("255295280821038451")) // 7 * 2053^5
        .hasPrimes(7, 2053, 2053, 2053, 2053, 2053);
  }

  @Test
  void shouldFactorUnsignedLongsWithoutAllocatingResults() {
    TestNumbers numbers = TestNumbers.seeded(6000);
    long[] out = new long[64];
    for (int i = 0; i < 5_000; i++) {
      long n = numbers.aRandomLong();
      int count = factorizer.factor(n, out);
      BigInteger product = BigInteger.ONE;
      List<BigInteger> primes = new ArrayList<>();
      for (int j = 0; j < count; j++) {
        primes.add(new BigInteger(Long.toUnsignedString(out[j])));
        product = product.multiply(primes.get(j));
      }
      BigInteger expected = new BigInteger(Long.toUnsignedString(n));
      assertThat(primes).isEqualTo(factorizer.factor(expected).primes());
      assertThat(product).isEqualTo(expected);
    }
    assertThat(factorizer.factor(0, out)).isZero();
    assertThat(factorizer.factor(1, out)).isZero();
    assertThat(factorizer.factor(-1L, out)).isEqualTo(7);
  }

  @Test
  void shouldRejectOutputArraysShorterThan64() {
    assertThatThrownBy(() -> factorizer.factor(12L, new long[10]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {35, 45, 55})
  void shouldFactorBalancedSemiprimesOfThirtyDigitsAndMoreWithTheQuadraticSieve(int digits) {
    BigInteger n = SemiprimeNumbers.seeded(8000 + digits).aSemiprimeOfDigits(digits);

    Factorization result = factorizer.factor(n);

    assertThatFactorization(result).isCompleteAndCorrect();
    assertThat(result.primes()).hasSize(2);
    assertThat(result.methods()).containsOnly(FactorMethod.SIQS);
  }

  @Test
  void shouldFindATwentyDigitFactorOfAHundredDigitNumberByEcmBeforeTheSieve() {
    BigInteger p = new BigInteger("62831853071795864769").nextProbablePrime();
    BigInteger q =
        new BigInteger(
                "27182818284590452353602874713526624977572470936999595749669676277240766303535475")
            .nextProbablePrime();
    BigInteger n = p.multiply(q);
    assertThat(n.toString()).hasSize(100);

    Factorization result = new Factorizer(Duration.ofMinutes(2)).factor(n);

    assertThatFactorization(result).isCompleteAndCorrect();
    assertThat(result.primes()).containsExactly(p, q);
    assertThat(result.methods()).containsOnly(FactorMethod.ECM);
  }

  @Test
  void shouldNameTheMethodThatFoundEachPrime() {
    assertThat(factor("12").methods()).containsOnly(FactorMethod.TRIAL_DIVISION);
    // 2^64 + 1 = 274177 * 67280421310721, split by ECM
    assertThat(factor("18446744073709551617").methods())
        .containsExactly(FactorMethod.ECM, FactorMethod.ECM);
    // 1000003 * 1000033 below 2^40: rho; beside a trial prime
    assertThat(factor("3000108000297").methods())
        .containsExactly(FactorMethod.TRIAL_DIVISION, FactorMethod.RHO, FactorMethod.RHO);
    // 1000003^2 taken as a square root
    assertThat(factor("1000006000009").methods())
        .containsExactly(FactorMethod.PERFECT_POWER, FactorMethod.PERFECT_POWER);
    // a prime left over after trial division
    assertThat(factor("2000006").methods())
        .containsExactly(FactorMethod.TRIAL_DIVISION, FactorMethod.TRIAL_DIVISION);
  }

  @Test
  void shouldTellTheListenerHowTheSieveProgresses() {
    BigInteger n = SemiprimeNumbers.seeded(8100).aSemiprimeOfDigits(45);
    AtomicInteger curves = new AtomicInteger();
    AtomicInteger relations = new AtomicInteger();
    AtomicInteger matrices = new AtomicInteger();
    FactoringListener listener =
        new FactoringListener() {
          @Override
          public void ecmCurves(int bits, int count) {
            curves.set(count);
          }

          @Override
          public void sieveRelations(int bits, int found, int needed) {
            assertThat(bits).isEqualTo(n.bitLength());
            relations.set(found);
          }

          @Override
          public void sieveMatrix(int bits, int rows, int columns) {
            matrices.incrementAndGet();
          }
        };

    assertThatFactorization(factorizer.factor(n, listener)).isCompleteAndCorrect();
    assertThat(curves.get()).isPositive();
    assertThat(relations.get()).isPositive();
    assertThat(matrices.get()).isPositive();
  }

  @Test
  void shouldReturnAPartialFactorizationWhenTheBudgetRunsOut() {
    TestNumbers numbers = TestNumbers.seeded(7000);
    BigInteger hard = numbers.aSemiprime(120);
    BigInteger n = hard.multiply(BigInteger.valueOf(2 * 2 * 3 * 1_000_003L));
    Factorizer impatient = new Factorizer(Duration.ofMillis(50));

    Factorization result = impatient.factor(n);

    assertThat(result.isComplete()).isFalse();
    assertThat(result.cofactor()).isEqualTo(hard);
    assertThatFactorization(result).hasPrimes(2, 2, 3, 1_000_003).isConsistent();
  }

  @Test
  void shouldStopEarlyAndKeepTheInterruptFlagWhenInterrupted() {
    BigInteger hard = TestNumbers.seeded(7001).aSemiprime(120);
    Thread.currentThread().interrupt();
    try {
      long start = System.nanoTime();

      Factorization result = factorizer.factor(hard);

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      assertThat(result.cofactor()).isEqualTo(hard);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void shouldReturnImmutablePrimes() {
    List<BigInteger> primes = factor("12").primes();
    assertThatThrownBy(() -> primes.add(BigInteger.ONE))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
