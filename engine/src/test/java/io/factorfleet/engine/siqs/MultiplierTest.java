package io.factorfleet.engine.siqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class MultiplierTest {

  @Test
  void shouldChooseASquarefreeMultiplierBelow74() {
    SemiprimeNumbers numbers = SemiprimeNumbers.seeded(1);
    for (int i = 0; i < 50; i++) {
      int k = Multiplier.choose(numbers.aSemiprimeOfDigits(40));
      assertThat(k).isBetween(1, 73);
      for (int d = 2; d * d <= k; d++) {
        assertThat(k % (d * d)).as("k = %d", k).isNotZero();
      }
    }
  }

  @Test
  void shouldMakeMoreSmallPrimesSievableThanNAlone() {
    SemiprimeNumbers numbers = SemiprimeNumbers.seeded(2);
    int withMultiplier = 0;
    int without = 0;
    for (int i = 0; i < 100; i++) {
      BigInteger n = numbers.aSemiprimeOfDigits(50);
      BigInteger kN = n.multiply(BigInteger.valueOf(Multiplier.choose(n)));
      withMultiplier += sievablePrimesBelow100(kN);
      without += sievablePrimesBelow100(n);
    }
    assertThat(withMultiplier).isGreaterThan(without * 5 / 4);
  }

  private static int sievablePrimesBelow100(BigInteger kN) {
    int count = 0;
    for (int p = 3; p < 100; p += 2) {
      if (BigInteger.valueOf(p).isProbablePrime(20)) {
        int residue = kN.mod(BigInteger.valueOf(p)).intValue();
        count += residue == 0 || ModularInts.isQuadraticResidue(residue, p) ? 1 : 0;
      }
    }
    return count;
  }

  @Test
  void shouldChooseTheSameMultiplierEveryTime() {
    BigInteger n = SemiprimeNumbers.seeded(3).aSemiprimeOfDigits(60);
    assertThat(Multiplier.choose(n)).isEqualTo(Multiplier.choose(n));
  }
}
