package io.factorfleet.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MillerRabinTest {

  @Test
  void shouldPassStrongPseudoprimesToBaseTwoInEveryArithmetic() {
    // the first terms of OEIS A001262: composites that Miller-Rabin to base 2 lets through
    long[] pseudoprimes = {2047, 3277, 4033, 4681, 8321, 15841, 29341, 42799, 49141, 52633};
    for (long n : pseudoprimes) {
      assertThat(passesInEveryArithmetic(n, 2)).as("%d", n).isTrue();
    }
  }

  @Test
  void shouldRejectStrongLucasPseudoprimesToBaseTwo() {
    // composites that the strong Lucas test lets through: base 2 catches them all
    long[] lucasPseudoprimes = {5459, 5777, 10877, 16109, 18971, 22499, 24569, 25199, 40309, 58519};
    for (long n : lucasPseudoprimes) {
      assertThat(failsInEveryArithmetic(n, 2)).as("%d", n).isTrue();
    }
  }

  @Test
  void shouldLetAStrongPseudoprimeToSeveralBasesThroughUntilTheNextBase() {
    // 25,326,001 is a strong pseudoprime to 2, 3 and 5, and 3,215,031,751 to 2, 3, 5 and 7
    for (long base : new long[] {2, 3, 5}) {
      assertThat(passesInEveryArithmetic(25_326_001L, base)).as("base %d", base).isTrue();
    }
    assertThat(failsInEveryArithmetic(25_326_001L, 7)).isTrue();
    for (long base : new long[] {2, 3, 5, 7}) {
      assertThat(montgomery(3_215_031_751L, base)).as("base %d", base).isTrue();
    }
    assertThat(montgomery(3_215_031_751L, 11)).isFalse();
  }

  @Test
  void shouldRejectACarmichaelNumberThatAFermatTestWouldPass() {
    assertThat(failsInEveryArithmetic(561, 2)).isTrue();
  }

  @Test
  void shouldPassPrimesToEveryBase() {
    Random random = new Random(23);
    for (int i = 0; i < 500; i++) {
      long p = BigInteger.probablePrime(8 + random.nextInt(23), random).longValue();
      long base = 2 + random.nextInt(100);
      if (p > base) {
        assertThat(passesInEveryArithmetic(p, base)).as("%d to base %d", p, base).isTrue();
      }
    }
    BigInteger large = BigInteger.probablePrime(64, random);
    assertThat(montgomery(large.longValue(), 2)).isTrue();
  }

  private static boolean passesInEveryArithmetic(long n, long base) {
    return MillerRabin.isStrongProbablePrime32(n, base)
        && montgomery(n, base)
        && MillerRabin.isStrongProbablePrime(BigInteger.valueOf(n), BigInteger.valueOf(base));
  }

  private static boolean failsInEveryArithmetic(long n, long base) {
    return !MillerRabin.isStrongProbablePrime32(n, base)
        && !montgomery(n, base)
        && !MillerRabin.isStrongProbablePrime(BigInteger.valueOf(n), BigInteger.valueOf(base));
  }

  private static boolean montgomery(long n, long base) {
    long nInverse = Montgomery64.inverse(n);
    long rSquared = Montgomery64.rSquared(n);
    long montgomeryBase = Montgomery64.toMontgomery(base, rSquared, n, nInverse);
    return MillerRabin.isStrongProbablePrime(n, montgomeryBase, Montgomery64.one(n), nInverse);
  }
}
