package io.factorfleet.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PrimalityTest {

  @Test
  void shouldAgreeWithTrialDivisionBelowOneHundredThousand() {
    for (int n = -5; n < 100_000; n++) {
      boolean expected = n >= 2 && BigInteger.valueOf(n).isProbablePrime(50);
      assertThat(Primality.isPrime(n)).as("%d", n).isEqualTo(expected);
      assertThat(Primality.isPrime(BigInteger.valueOf(n))).as("%d", n).isEqualTo(expected);
    }
  }

  @Test
  void shouldRejectStrongPseudoprimesToManyBases() {
    long[] pseudoprimes = {
      2047L,
      1373653L,
      25326001L,
      3215031751L,
      2152302898747L,
      3474749660383L,
      341550071728321L,
      3825123056546413051L,
      4759123141L,
      1122004669633L
    };
    for (long n : pseudoprimes) {
      assertThat(Primality.isPrime(n)).as("%d", n).isFalse();
      assertThat(Primality.isPrime(BigInteger.valueOf(n))).as("%d", n).isFalse();
    }
    assertThat(Primality.isPrime(new BigInteger("318665857834031151167461"))).isFalse();
    assertThat(Primality.isPrime(new BigInteger("3317044064679887385961981"))).isFalse();
  }

  @Test
  void shouldRejectCarmichaelNumbers() {
    long[] carmichael = {561, 1105, 1729, 2465, 2821, 6601, 8911, 41041, 825265, 321197185};
    for (long n : carmichael) {
      assertThat(Primality.isPrime(n)).as("%d", n).isFalse();
    }
  }

  @Test
  void shouldTreatLongsAsUnsigned() {
    assertThat(Primality.isPrime(-59L)).isTrue(); // 2^64 - 59
    assertThat(Primality.isPrime(-1L)).isFalse(); // 2^64 - 1
    assertThat(Primality.isPrime(Long.MIN_VALUE)).isFalse();
  }

  @Test
  void shouldAgreeWithBigIntegerOnRandomNumbersOfEverySize() {
    Random random = new Random(42);
    for (int bits = 2; bits <= 400; bits += bits < 130 ? 1 : 9) {
      for (int i = 0; i < 300; i++) {
        BigInteger n = new BigInteger(bits, random).setBit(0);
        boolean expected = n.isProbablePrime(50);
        assertThat(Primality.isPrime(n)).as("%s", n).isEqualTo(expected);
        if (bits <= 64) {
          assertThat(Primality.isPrime(n.longValue())).as("%s", n).isEqualTo(expected);
        }
      }
      BigInteger prime = BigInteger.probablePrime(Math.max(bits, 2), random);
      assertThat(Primality.isPrime(prime)).as("%s", prime).isTrue();
    }
  }

  @Test
  void shouldRejectSquaresAndProductsOfLargePrimes() {
    Random random = new Random(7);
    for (int bits = 20; bits <= 160; bits += 10) {
      BigInteger p = BigInteger.probablePrime(bits, random);
      BigInteger q = BigInteger.probablePrime(bits, random);
      assertThat(Primality.isPrime(p.multiply(p))).isFalse();
      assertThat(Primality.isPrime(p.multiply(q))).isFalse();
      assertThat(Primality.isPrime(p.multiply(p.shiftLeft(1).add(BigInteger.ONE)))).isFalse();
    }
  }
}
