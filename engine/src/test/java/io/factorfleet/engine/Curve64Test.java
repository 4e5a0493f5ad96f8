package io.factorfleet.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Curve64Test {

  // a modulus with lazy residues (below 2^62), one with canonical signed ones and one above 2^63
  @ParameterizedTest
  @ValueSource(ints = {40, 62, 63, 64})
  void shouldLadderToTheSameMultiplesAsAChainOfDifferentialAdditions(int bits) {
    Random random = new Random(bits);
    long n = BigInteger.probablePrime(bits, random).longValue();
    long nInverse = Montgomery64.inverse(n);
    long rSquared = Montgomery64.rSquared(n);
    long rCubed = Montgomery64.multiply(rSquared, rSquared, n, nInverse);
    long[] out = new long[4];
    assertThat(Curve64.start(6 + random.nextInt(100), n, nInverse, rSquared, rCubed, out, 0))
        .isZero();
    long x0 = out[0];
    long a24 = out[1];
    long one = Montgomery64.one(n);

    // [m]P by [m + 1]P = [m]P + P with difference [m - 1]P, from [1]P and [2]P
    long[] xs = new long[41];
    long[] zs = new long[41];
    xs[1] = x0;
    zs[1] = one;
    Curve64.doublePoint(x0, one, a24, n, nInverse, out, 0);
    xs[2] = out[0];
    zs[2] = out[1];
    for (int m = 2; m < 40; m++) {
      Curve64.addPoints(xs[m], zs[m], x0, one, xs[m - 1], zs[m - 1], n, nInverse, out, 0);
      xs[m + 1] = out[0];
      zs[m + 1] = out[1];
    }

    for (int j = 1; j < 40; j++) {
      Curve64.multiples(x0, one, j, a24, n, nInverse, out, 0);
      assertSamePoint(out[0], out[1], xs[j], zs[j], n);
      assertSamePoint(out[2], out[3], xs[j + 1], zs[j + 1], n);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {40, 63})
  void shouldRunStageOneToTheSamePointAsTheLadderOfItsMultiplier(int bits) {
    Random random = new Random(bits);
    long n = BigInteger.probablePrime(bits, random).longValue();
    long nInverse = Montgomery64.inverse(n);
    long rSquared = Montgomery64.rSquared(n);
    long rCubed = Montgomery64.multiply(rSquared, rSquared, n, nInverse);
    long[] out = new long[4];
    Curve64.start(7, n, nInverse, rSquared, rCubed, out, 0);
    long x0 = out[0];
    long a24 = out[1];
    // B1 = 11: k = 8 * 9 * 5 * 7 * 11 = 27,720, within an int for the ladder of multiples
    Ecm64Stage1.run(x0, a24, new EcmPlan(11, 550), n, nInverse, out, 0);
    long xk = out[0];
    long zk = out[1];
    Curve64.multiples(x0, Montgomery64.one(n), 27_720, a24, n, nInverse, out, 0);
    assertSamePoint(xk, zk, out[0], out[1], n);
  }

  /** (x1 : z1) and (x2 : z2) are the same projective point: x1 z2 = x2 z1 mod n. */
  private static void assertSamePoint(long x1, long z1, long x2, long z2, long n) {
    BigInteger modulus = UnsignedMath.toBigInteger(n);
    BigInteger left = residue(x1, n).multiply(residue(z2, n)).mod(modulus);
    BigInteger right = residue(x2, n).multiply(residue(z1, n)).mod(modulus);
    assertThat(left).isEqualTo(right);
  }

  private static BigInteger residue(long lazy, long n) {
    return UnsignedMath.toBigInteger(LazyMontgomery64.canonical(lazy, n));
  }
}
