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

  @Test
  void shouldChooseTheMultiplierThatScoresBestOnTheResiduesOfKnItself() {
    SemiprimeNumbers numbers = SemiprimeNumbers.seeded(4);
    for (int digits = 20; digits <= 100; digits += 5) {
      BigInteger n = numbers.aSemiprimeOfDigits(digits);
      assertThat(Multiplier.choose(n)).as("n = %s", n).isEqualTo(bestScoredOnKn(n));
    }
  }

  /** The Knuth-Schroeppel score taken the slow way, one Euler criterion per k and prime. */
  private static int bestScoredOnKn(BigInteger n) {
    int[] candidates = {
      1, 2, 3, 5, 6, 7, 10, 11, 13, 14, 15, 17, 19, 21, 22, 23, 26, 29, 30, 31, 33, 34, 35, 37, 38,
      39, 41, 42, 43, 46, 47, 51, 53, 55, 57, 58, 59, 61, 62, 65, 66, 67, 69, 70, 71, 73
    };
    double bestScore = Double.NEGATIVE_INFINITY;
    int best = 0;
    for (int k : candidates) {
      BigInteger kN = n.multiply(BigInteger.valueOf(k));
      double score = -0.5 * Math.log(k);
      int mod8 = kN.intValue() & 7;
      score +=
          mod8 == 1
              ? 2 * Math.log(2)
              : mod8 == 5 ? Math.log(2) : mod8 % 2 == 1 ? 0.5 * Math.log(2) : 0;
      for (int p = 3; p < 2000; p += 2) {
        if (BigInteger.valueOf(p).isProbablePrime(30)) {
          int residue = kN.mod(BigInteger.valueOf(p)).intValue();
          if (residue == 0) {
            score += Math.log(p) / p;
          } else if (BigInteger.valueOf(residue)
              .modPow(BigInteger.valueOf((p - 1) / 2), BigInteger.valueOf(p))
              .equals(BigInteger.ONE)) {
            score += 2 * Math.log(p) / (p - 1);
          }
        }
      }
      if (score > bestScore) {
        bestScore = score;
        best = k;
      }
    }
    return best;
  }
}
