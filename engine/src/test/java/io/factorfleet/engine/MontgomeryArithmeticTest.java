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
      BigInteger bigN = UnsignedMath.toBigInteger(n);
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
  void shouldInvertInMontgomeryFormLikeBigIntegerAndReturnZeroWithoutAnInverse() {
    Random random = new Random(14);
    for (int i = 0; i < 20_000; i++) {
      long n = (random.nextLong() >>> random.nextInt(60)) | 1;
      if (i % 5 == 0) {
        n = -1L - 2 * random.nextInt(1000); // just below 2^64
      }
      if (Long.compareUnsigned(n, 3) < 0) {
        continue;
      }
      BigInteger bigN = UnsignedMath.toBigInteger(n);
      long nInverse = Montgomery64.inverse(n);
      long rSquared = Montgomery64.rSquared(n);
      long rCubed = Montgomery64.multiply(rSquared, rSquared, n, nInverse);
      BigInteger a = new BigInteger(64, random).mod(bigN);
      if (i % 7 == 0) {
        a = bigN.gcd(BigInteger.valueOf(3)).multiply(BigInteger.valueOf(1 + random.nextInt(50)));
        a = a.mod(bigN);
      }
      long am = Montgomery64.toMontgomery(a.longValue(), rSquared, n, nInverse);
      long inverse = Montgomery64.inverse(am, rCubed, n, nInverse);
      if (a.gcd(bigN).equals(BigInteger.ONE)) {
        assertThat(fromMontgomery(inverse, bigN))
            .as("%s^-1 mod %s", a, bigN)
            .isEqualTo(a.modInverse(bigN));
      } else {
        assertThat(inverse).as("%s has no inverse mod %s", a, bigN).isZero();
      }
    }
  }

  @Test
  void shouldKeepLazyResiduesCongruentAndWithinBoundsOverLongChainsOfOperations() {
    Random random = new Random(15);
    for (int chain = 0; chain < 400; chain++) {
      long n = (random.nextLong() >>> random.nextInt(62)) | 1;
      if (chain % 4 == 0) {
        n = (1L << 62) - 1 - 2 * random.nextInt(1000); // just below the lazy limit
      } else if (chain % 4 == 1) {
        n = (random.nextLong() | Long.MIN_VALUE) >>> random.nextInt(2) | 1; // 2^62 and above
      }
      if (n == 1) {
        continue;
      }
      BigInteger bigN = UnsignedMath.toBigInteger(n);
      long nInverse = Montgomery64.inverse(n);
      long rSquared = Montgomery64.rSquared(n);
      long[] values = new long[4];
      BigInteger[] expected = new BigInteger[4];
      for (int i = 0; i < values.length; i++) {
        expected[i] = new BigInteger(64, random).mod(bigN);
        values[i] = Montgomery64.toMontgomery(expected[i].longValue(), rSquared, n, nInverse);
      }
      for (int step = 0; step < 2_000; step++) {
        int i = random.nextInt(4);
        int j = random.nextInt(4);
        int k = random.nextInt(4);
        switch (random.nextInt(3)) {
          case 0 -> {
            values[k] = LazyMontgomery64.multiply(values[i], values[j], n, nInverse);
            expected[k] = expected[i].multiply(expected[j]).mod(bigN);
          }
          case 1 -> {
            values[k] = LazyMontgomery64.add(values[i], values[j], n);
            expected[k] = expected[i].add(expected[j]).mod(bigN);
          }
          default -> {
            values[k] = LazyMontgomery64.subtract(values[i], values[j], n);
            expected[k] = expected[i].subtract(expected[j]).mod(bigN);
          }
        }
        long canonical = LazyMontgomery64.canonical(values[k], n);
        assertThat(fromMontgomery(canonical, bigN)).as("mod %s", bigN).isEqualTo(expected[k]);
        assertThat(Long.compareUnsigned(canonical, n)).isNegative();
        if (n >>> 62 == 0) {
          assertThat(Math.abs(values[k])).as("lazy residue mod %d", n).isLessThanOrEqualTo(n);
        } else {
          assertThat(values[k]).isEqualTo(canonical);
        }
      }
    }
  }

  @Test
  void shouldComputeGcdOfUnsignedLongs() {
    Random random = new Random(12);
    for (int i = 0; i < 10_000; i++) {
      long a = random.nextLong() >>> random.nextInt(64);
      long b = random.nextLong() >>> random.nextInt(64);
      BigInteger expected = UnsignedMath.toBigInteger(a).gcd(UnsignedMath.toBigInteger(b));
      assertThat(UnsignedMath.toBigInteger(Montgomery64.gcd(a, b))).isEqualTo(expected);
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

  private static BigInteger fromMontgomery(long residue, BigInteger n) {
    return UnsignedMath.toBigInteger(residue).multiply(TWO_POW_64.modInverse(n)).mod(n);
  }
}
