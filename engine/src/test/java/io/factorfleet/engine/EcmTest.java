package io.factorfleet.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EcmTest {

  @ParameterizedTest
  @ValueSource(ints = {27, 47, 85, 125, 205})
  void shouldMultiplyByEveryPrimePowerUpToB1InTheOddLadderAndTheDoublings(int b1) {
    EcmPlan plan = new EcmPlan(b1, b1 * 50);
    BigInteger expected = BigInteger.ONE;
    BitSet primes = EcmPlan.primesUpTo(b1);
    for (int p = primes.nextSetBit(2); p >= 0; p = primes.nextSetBit(p + 1)) {
      BigInteger power = BigInteger.valueOf(p);
      while (power.multiply(BigInteger.valueOf(p)).compareTo(BigInteger.valueOf(b1)) <= 0) {
        power = power.multiply(BigInteger.valueOf(p));
      }
      expected = expected.multiply(power);
    }
    BigInteger odd = BigInteger.ONE;
    for (long mask : plan.oddStage1Masks) {
      odd = odd.shiftLeft(1).add(BigInteger.valueOf(mask & 1));
    }
    assertThat(odd.testBit(0)).isTrue();
    assertThat(odd.shiftLeft(plan.stage1Doublings)).isEqualTo(expected);
  }

  // The first giant step is [WHEEL]Q, so primes between B1 and WHEEL / 2 are left out.
  @ParameterizedTest
  @ValueSource(ints = {27, 85, 125, 205})
  void shouldPairEveryPrimeOfStageTwoAboveHalfTheWheelWithOneGiantAndOneBabyStep(int b1) {
    EcmPlan plan = new EcmPlan(b1, b1 * 50);
    BitSet covered = new BitSet();
    for (int g = 0; g < plan.pairMasks.length; g++) {
      int j = plan.firstGiant + g;
      for (int t = 0; t < EcmPlan.BABY_STEPS.length; t++) {
        if ((plan.pairMasks[g] >>> t & 1) != 0) {
          covered.set(j * EcmPlan.WHEEL + EcmPlan.BABY_STEPS[t]);
          covered.set(j * EcmPlan.WHEEL - EcmPlan.BABY_STEPS[t]);
        }
      }
    }
    BitSet primes = EcmPlan.primesUpTo(plan.b2);
    int from = Math.max(b1, EcmPlan.WHEEL / 2) + 1;
    for (int q = primes.nextSetBit(from); q >= 0; q = primes.nextSetBit(q + 1)) {
      assertThat(covered.get(q)).as("prime %d in (%d, %d]", q, b1, plan.b2).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {22, 26, 31, 32})
  void shouldFindAPrimeFactorOfSemiprimesOfTwoEqualSizedPrimes(int bits) {
    Random random = new Random(bits);
    for (int i = 0; i < 200; i++) {
      long p = BigInteger.probablePrime(bits, random).longValue();
      long q = BigInteger.probablePrime(bits, random).longValue();
      if (p == q) {
        continue;
      }
      long factor = Ecm64.findFactor(p * q);
      assertThat(factor).as("a factor of %d * %d", p, q).isIn(p, q);
    }
  }
}
