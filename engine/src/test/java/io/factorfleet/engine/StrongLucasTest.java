package io.factorfleet.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StrongLucasTest {

  /** Strong pseudoprimes to base 2, the first of OEIS A001262 and some above 4,759,123,141. */
  private static final long[] BASE_TWO_PSEUDOPRIMES = {
    2047, 3277, 4033, 4681, 8321, 1122004669633L, 2152302898747L, 3825123056546413051L
  };

  @Test
  void shouldFindTheStrongLucasPseudoprimesThatBigIntegerArithmeticFinds() {
    // the smallest strong Lucas pseudoprimes for Selfridge's parameters: composites that pass
    long[] lucasPseudoprimes = {5459, 5777, 10877, 16109, 18971, 22499, 24569, 25199, 40309, 58519};
    for (long n : lucasPseudoprimes) {
      assertThat(strongLucas(n)).as("%d", n).isTrue();
      assertThat(StrongLucas.isProbablePrime(BigInteger.valueOf(n))).isTrue();
      assertThat(Primality.isPrime(n)).as("%d", n).isFalse();
    }
  }

  @Test
  void shouldComputeTheSameStrongLucasTestInSixtyFourBitsAsInBigIntegers() {
    Random random = new Random(11);
    for (int bits = 8; bits <= 64; bits++) {
      for (int i = 0; i < 400; i++) {
        BigInteger n = new BigInteger(bits, random).setBit(0).setBit(bits - 1);
        if (n.compareTo(BigInteger.valueOf(64)) < 0 || n.mod(BigInteger.valueOf(3)).signum() == 0) {
          continue;
        }
        assertThat(strongLucas(n.longValue()))
            .as("%s", n)
            .isEqualTo(StrongLucas.isProbablePrime(n));
      }
    }
  }

  @Test
  void shouldRejectEveryStrongPseudoprimeToBaseTwoInBothArithmetics() {
    for (long n : BASE_TWO_PSEUDOPRIMES) {
      assertThat(strongLucas(n)).as("%d", n).isFalse();
      assertThat(StrongLucas.isProbablePrime(BigInteger.valueOf(n))).as("%d", n).isFalse();
    }
  }

  @Test
  void shouldPassPrimesInBothArithmetics() {
    Random random = new Random(17);
    for (int bits = 8; bits <= 64; bits++) {
      BigInteger p = BigInteger.probablePrime(bits, random);
      if (p.compareTo(BigInteger.valueOf(64)) > 0) {
        assertThat(strongLucas(p.longValue())).as("%s", p).isTrue();
      }
      assertThat(StrongLucas.isProbablePrime(p)).as("%s", p).isTrue();
    }
    BigInteger large = BigInteger.probablePrime(200, random);
    assertThat(StrongLucas.isProbablePrime(large)).as("%s", large).isTrue();
  }

  @Test
  void shouldRejectPerfectSquaresForWhichNoParameterExists() {
    long[] squares = {101L * 101, 65_537L * 65_537, 4_294_967_291L * 4_294_967_291L};
    for (long n : squares) {
      assertThat(strongLucas(n)).as("%s", Long.toUnsignedString(n)).isFalse();
      assertThat(StrongLucas.isProbablePrime(UnsignedMath.toBigInteger(n))).isFalse();
    }
  }

  @Test
  void shouldComputeTheSameJacobiSymbolForLongAndBigIntegerModuli() {
    Random random = new Random(19);
    for (int i = 0; i < 2_000; i++) {
      long n = (random.nextLong() >>> 2) | 1;
      long a = 5 + 2 * random.nextInt(50);
      long d = (i & 1) == 0 ? a : -a;
      long residue = d >= 0 ? Long.remainderUnsigned(d, n) : n - Long.remainderUnsigned(-d, n);
      assertThat(StrongLucas.jacobi(d, BigInteger.valueOf(n)))
          .as("(%d / %d)", d, n)
          .isEqualTo(StrongLucas.jacobi(residue, n));
    }
  }

  private static boolean strongLucas(long n) {
    long nInverse = Montgomery64.inverse(n);
    return StrongLucas.isProbablePrime(n, Montgomery64.one(n), Montgomery64.rSquared(n), nInverse);
  }
}
