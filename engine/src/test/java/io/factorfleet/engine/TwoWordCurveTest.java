package io.factorfleet.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TwoWordCurveTest {

  // lazy residues up to 122 bits, canonical ones above
  @ParameterizedTest
  @ValueSource(ints = {65, 100, 122, 123, 128})
  void shouldLadderToTheSameMultiplesAsAChainOfDifferentialAdditions(int bits) {
    Random random = new Random(bits);
    BigInteger n = BigInteger.probablePrime(bits, random);
    TwoWordMontgomery mont = new TwoWordMontgomery(n);
    TwoWordCurve curve = new TwoWordCurve(mont);
    curve.setCurve(new BigInteger(bits - 1, random));
    long x0 = mont.toMontgomery(new BigInteger(bits - 1, random));
    long x1 = mont.high;
    long one0 = mont.toMontgomery(BigInteger.ONE);
    long one1 = mont.high;

    // [m]P by [m + 1]P = [m]P + P with difference [m - 1]P, from [1]P and [2]P
    long[][] points = new long[41][];
    points[1] = new long[] {x0, x1, one0, one1};
    curve.doublePoint(x0, x1, one0, one1);
    points[2] = result(curve);
    for (int m = 2; m < 40; m++) {
      long[] a = points[m];
      long[] d = points[m - 1];
      curve.addPoints(a[0], a[1], a[2], a[3], x0, x1, one0, one1, d[0], d[1], d[2], d[3]);
      points[m + 1] = result(curve);
    }

    long[] out = new long[8];
    for (int j = 1; j < 40; j++) {
      curve.multiples(x0, x1, one0, one1, j, out);
      assertSamePoint(new long[] {out[0], out[1], out[2], out[3]}, points[j], n);
      assertSamePoint(new long[] {out[4], out[5], out[6], out[7]}, points[j + 1], n);
    }
  }

  private static long[] result(TwoWordCurve curve) {
    return new long[] {curve.resultX0, curve.resultX1, curve.resultZ0, curve.resultZ1};
  }

  /** The points (X : Z), two words each, are the same projective point: X1 Z2 = X2 Z1 mod n. */
  private static void assertSamePoint(long[] p, long[] q, BigInteger n) {
    BigInteger left = value(p[0], p[1]).multiply(value(q[2], q[3])).mod(n);
    BigInteger right = value(q[0], q[1]).multiply(value(p[2], p[3])).mod(n);
    assertThat(left).isEqualTo(right);
  }

  private static BigInteger value(long lo, long hi) {
    return UnsignedMath.toBigInteger(lo, hi);
  }
}
