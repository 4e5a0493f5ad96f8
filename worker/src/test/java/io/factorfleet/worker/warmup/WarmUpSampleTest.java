package io.factorfleet.worker.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarmUpSampleTest {
  private static final List<KnownFactorization> SAMPLE = WarmUpSample.draw(1).numbers();

  @Test
  void shouldDrawTheSameSampleAtEveryStart() {
    assertThat(WarmUpSample.draw(1).numbers()).isEqualTo(SAMPLE);
  }

  @Test
  void shouldMakeEachNumberOfAscendingPrimesTheJdkChose() {
    for (KnownFactorization known : SAMPLE) {
      List<BigInteger> primes = known.primes().stream().map(BigInteger::new).toList();
      assertThat(primes).as(known.number()).isSorted();
      assertThat(primes).allSatisfy(p -> assertThat(p.isProbablePrime(64)).as("%s", p).isTrue());
      assertThat(primes.stream().reduce(BigInteger.ONE, BigInteger::multiply))
          .isEqualTo(new BigInteger(known.number()));
    }
  }

  @Test
  void shouldCoverEverySizeClassOfTheEngine() {
    assertThat(SAMPLE)
        .as("small numbers, for trial division")
        .anySatisfy(known -> assertThat(bits(known)).isLessThanOrEqualTo(22))
        .as("32-bit numbers, for rho and the primality test")
        .anySatisfy(known -> assertThat(bits(known)).isBetween(30, 32))
        .as("semiprimes below 2^62, for the 64-bit ECM's lazy arithmetic")
        .anySatisfy(known -> assertThat(bits(known)).isBetween(61, 62))
        .as("semiprimes from 2^62 to 2^64, for its canonical arithmetic")
        .anySatisfy(known -> assertThat(bits(known)).isBetween(63, 64))
        .as("two-word numbers of 65 to 128 bits")
        .anySatisfy(known -> assertThat(bits(known)).isBetween(65, 128))
        .as("wide numbers above 128 bits")
        .anySatisfy(known -> assertThat(bits(known)).isGreaterThan(128))
        .as("balanced semiprimes of 45 digits and more, for the wide ECM and the sieve")
        .anySatisfy(
            known ->
                assertThat(known.primes())
                    .hasSize(2)
                    .allSatisfy(p -> assertThat(new BigInteger(p).bitLength()).isGreaterThan(74)));
  }

  @Test
  void shouldGiveMostOfTheSampleToThe62BitSemiprimes() {
    long semiprimes =
        SAMPLE.stream()
            .filter(known -> known.primes().size() == 2 && bits(known) >= 61 && bits(known) <= 64)
            .count();

    assertThat(semiprimes).isGreaterThan(SAMPLE.size() / 2);
  }

  @Test
  void shouldScaleTheSampleDownKeepingEveryShape() {
    List<KnownFactorization> tiny = WarmUpSample.draw(0.001).numbers();

    assertThat(tiny).hasSizeLessThan(50);
    assertThat(tiny).anySatisfy(known -> assertThat(bits(known)).isGreaterThan(128));
  }

  private static int bits(KnownFactorization known) {
    return new BigInteger(known.number()).bitLength();
  }
}
