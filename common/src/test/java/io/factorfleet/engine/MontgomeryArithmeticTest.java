package io.factorfleet.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MontgomeryArithmeticTest {

  private static final BigInteger TWO_POW_64 = BigInteger.ONE.shiftLeft(64);

  @Test
  void shouldMultiplyAddAndSubtractLikeBigIntegerForOddWordModuli() {
    Random random = new Random(11);
    for (int i = 0; i < 20_000; i++) {
      long n = random.nextLong() | 1;
      if (i % 4 == 0) {
        n = -1L - 2 * random.nextInt(1000); // just below 2^64
      } else if (i % 4 == 1) {
        n >>>= random.nextInt(62); // smaller moduli
        n |= 1;
      }
      if (n == 1) {
        continue;
      }
      BigInteger bigN = WideFactorizer.unsigned(n);
      long nInverse = Montgomery64.inverse(n);
      long rSquared = Montgomery64.rSquared(n);
      BigInteger a = new BigInteger(64, random).mod(bigN);
      BigInteger b = new BigInteger(64, random).mod(bigN);
      long am = Montgomery64.toMontgomery(a.longValue(), rSquared, n, nInverse);
      long bm = Montgomery64.toMontgomery(b.longValue(), rSquared, n, nInverse);
      long product = Montgomery64.multiply(am, bm, n, nInverse);

      assertThat(fromMontgomery(product, bigN)).isEqualTo(a.multiply(b).mod(bigN));
      assertThat(fromMontgomery(Montgomery64.add(am, bm, n), bigN)).isEqualTo(a.add(b).mod(bigN));
      assertThat(fromMontgomery(Montgomery64.subtract(am, bm, n), bigN))
          .isEqualTo(a.subtract(b).mod(bigN));
    }
  }

  @Test
  void shouldComputeGcdOfUnsignedLongs() {
    Random random = new Random(12);
    for (int i = 0; i < 10_000; i++) {
      long a = random.nextLong() >>> random.nextInt(64);
      long b = random.nextLong() >>> random.nextInt(64);
      BigInteger expected = WideFactorizer.unsigned(a).gcd(WideFactorizer.unsigned(b));
      assertThat(WideFactorizer.unsigned(Montgomery64.gcd(a, b))).isEqualTo(expected);
    }
  }

  @Test
  void shouldMatchBigIntegerForMultiWordModuli() {
    Random random = new Random(13);
    for (int bits : new int[] {65, 100, 127, 128, 129, 192, 256, 332}) {
      for (int i = 0; i < 2_000; i++) {
        BigInteger n = new BigInteger(bits, random).setBit(bits - 1).setBit(0);
        if (i % 3 == 0) {
          n = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.valueOf(1 + 2L * i));
        }
        WideMontgomery mont = new WideMontgomery(n);
        BigInteger a =
            i % 7 == 0 ? n.subtract(BigInteger.ONE) : new BigInteger(bits, random).mod(n);
        BigInteger b = new BigInteger(bits + 3, random).mod(n);
        long[] am = mont.toMontgomery(a);
        long[] bm = mont.toMontgomery(b);
        long[] result = mont.newResidue();

        mont.multiply(result, am, bm);
        assertThat(mont.fromMontgomery(result)).isEqualTo(a.multiply(b).mod(n));
        mont.add(result, am, bm);
        assertThat(mont.fromMontgomery(result)).isEqualTo(a.add(b).mod(n));
        mont.subtract(result, am, bm);
        assertThat(mont.fromMontgomery(result)).isEqualTo(a.subtract(b).mod(n));
      }
    }
  }

  @Test
  void shouldComputeIntegerSquareRootsOfUnsignedLongs() {
    Random random = new Random(14);
    long[] edges = {0, 1, 2, 3, 4, -1L, Long.MAX_VALUE, Long.MIN_VALUE, 0xFFFFFFFE00000001L};
    for (long n : edges) {
      assertThat(LongFactorizer.squareRoot(n)).isEqualTo(bigSquareRoot(n));
    }
    for (int i = 0; i < 10_000; i++) {
      long n = random.nextLong() >>> random.nextInt(64);
      assertThat(LongFactorizer.squareRoot(n))
          .as("%s", Long.toUnsignedString(n))
          .isEqualTo(bigSquareRoot(n));
    }
  }

  private static long bigSquareRoot(long n) {
    return WideFactorizer.unsigned(n).sqrt().longValue();
  }

  private static BigInteger fromMontgomery(long residue, BigInteger n) {
    return WideFactorizer.unsigned(residue).multiply(TWO_POW_64.modInverse(n)).mod(n);
  }
}
