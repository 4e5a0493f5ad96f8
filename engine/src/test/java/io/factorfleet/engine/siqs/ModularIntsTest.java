package io.factorfleet.engine.siqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModularIntsTest {

  @ParameterizedTest
  @ValueSource(ints = {3, 5, 7, 13, 17, 41, 97, 257, 65_537, 1_000_003})
  void shouldTakeSquareRootsOfEveryResidueModuloAPrime(int p) {
    int step = Math.max(1, p / 5_000);
    for (int a = 0; a < p; a += step) {
      int square = (int) ((long) a * a % p);
      assertThat(ModularInts.isQuadraticResidue(square, p)).isEqualTo(square != 0);
      int root = ModularInts.sqrt(square, p);
      assertThat((long) root * root % p).as("sqrt(%d) mod %d", square, p).isEqualTo(square);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 11, 101, 8_191, 1_000_003})
  void shouldTellNonResiduesFromResidues(int p) {
    int residues = 0;
    for (int a = 1; a < Math.min(p, 20_000); a++) {
      boolean expected = ModularInts.pow(a, (p - 1) / 2, p) == 1;
      assertThat(ModularInts.isQuadraticResidue(a, p)).isEqualTo(expected);
      residues += expected ? 1 : 0;
    }
    assertThat(residues).isPositive();
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 7, 97, 65_537, 1_000_003})
  void shouldInvertEveryNonZeroResidue(int p) {
    int step = Math.max(1, p / 5_000);
    for (int a = 1; a < p; a += step) {
      assertThat((long) a * ModularInts.inverse(a, p) % p).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 5, 65_537, 1_000_003, Integer.MAX_VALUE})
  void shouldReduceNumbersOfEverySizeFromTheirWords(int p) {
    Random random = new Random(p);
    for (int bits = 1; bits <= 400; bits += 7) {
      BigInteger n = new BigInteger(bits, random);
      assertThat(ModularInts.residue(ModularInts.magnitudeWords(n), p))
          .as("%s mod %d", n, p)
          .isEqualTo(n.mod(BigInteger.valueOf(p)).longValue());
    }
  }
}
