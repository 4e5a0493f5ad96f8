package io.factorfleet.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UnsignedMathTest {

  private static final BigInteger TWO_POW_64 = BigInteger.ONE.shiftLeft(64);

  @Test
  void shouldComputeIntegerSquareRootsOfUnsignedLongs() {
    Random random = new Random(14);
    long[] edges = {0, 1, 2, 3, 4, -1L, Long.MAX_VALUE, Long.MIN_VALUE, 0xFFFFFFFE00000001L};
    for (long n : edges) {
      assertThat(UnsignedMath.squareRoot(n)).isEqualTo(bigSquareRoot(n));
    }
    for (int i = 0; i < 10_000; i++) {
      long n = random.nextLong() >>> random.nextInt(64);
      assertThat(UnsignedMath.squareRoot(n))
          .as("%s", Long.toUnsignedString(n))
          .isEqualTo(bigSquareRoot(n));
    }
  }

  @Test
  void shouldReadLongsAsUnsignedWhenConvertingToBigInteger() {
    assertThat(UnsignedMath.toBigInteger(0)).isEqualTo(BigInteger.ZERO);
    assertThat(UnsignedMath.toBigInteger(Long.MAX_VALUE))
        .isEqualTo(BigInteger.valueOf(Long.MAX_VALUE));
    assertThat(UnsignedMath.toBigInteger(Long.MIN_VALUE)).isEqualTo(BigInteger.ONE.shiftLeft(63));
    assertThat(UnsignedMath.toBigInteger(-1L)).isEqualTo(TWO_POW_64.subtract(BigInteger.ONE));
  }

  @Test
  void shouldJoinTwoWordsIntoOneUnsigned128BitNumber() {
    Random random = new Random(128);
    for (int i = 0; i < 1_000; i++) {
      long lo = random.nextLong();
      long hi = random.nextLong();
      BigInteger expected =
          new BigInteger(Long.toUnsignedString(hi))
              .shiftLeft(64)
              .add(new BigInteger(Long.toUnsignedString(lo)));
      assertThat(UnsignedMath.toBigInteger(lo, hi)).isEqualTo(expected);
    }
  }

  private static long bigSquareRoot(long n) {
    return new BigInteger(Long.toUnsignedString(n)).sqrt().longValue();
  }
}
