package io.factorfleet.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TwoWordMontgomeryTest {

  private static final BigInteger TWO_POW_64 = BigInteger.ONE.shiftLeft(64);
  private static final BigInteger TWO_POW_128 = BigInteger.ONE.shiftLeft(128);
  private static final BigInteger LAZY_LIMIT =
      BigInteger.ONE.shiftLeft(TwoWordMontgomery.LAZY_BITS);

  @Test
  void shouldMultiplyAddAndSubtractLikeBigIntegerForModuliOfEverySizeFrom65To128Bits() {
    Random random = new Random(21);
    for (BigInteger n : moduli(random)) {
      TwoWordMontgomery mont = new TwoWordMontgomery(n);
      for (int i = 0; i < 200; i++) {
        BigInteger a = operand(random, n, i);
        BigInteger b = operand(random, n, i / 3);
        long a0 = mont.toMontgomery(a);
        long a1 = mont.high;
        long b0 = mont.toMontgomery(b);
        long b1 = mont.high;

        long product = mont.multiply(a0, a1, b0, b1);
        assertResidue(mont, n, product, a.multiply(b));
        long sum = mont.add(a0, a1, b0, b1);
        assertResidue(mont, n, sum, a.add(b));
        long difference = mont.subtract(a0, a1, b0, b1);
        assertResidue(mont, n, difference, a.subtract(b));
      }
    }
  }

  @Test
  void shouldKeepCanonicalResiduesFromTwoToThe122On() {
    Random random = new Random(22);
    for (BigInteger n : moduli(random)) {
      if (n.bitLength() <= TwoWordMontgomery.LAZY_BITS) {
        continue;
      }
      TwoWordMontgomery mont = new TwoWordMontgomery(n);
      assertThat(mont.isLazy()).isFalse();
      for (int i = 0; i < 200; i++) {
        long a0 = mont.toMontgomery(operand(random, n, i));
        long a1 = mont.high;
        long b0 = mont.toMontgomery(operand(random, n, i / 3));
        long b1 = mont.high;

        assertThat(value(mont.multiply(a0, a1, b0, b1), mont.high)).isLessThan(n);
        assertThat(value(mont.add(a0, a1, b0, b1), mont.high)).isLessThan(n);
        assertThat(value(mont.subtract(a0, a1, b0, b1), mont.high)).isLessThan(n);
      }
    }
  }

  @Test
  void shouldMultiplyLazyOperandsUpToEightTimesTheModulusIntoLessThanTwiceIt() {
    Random random = new Random(23);
    for (BigInteger n : moduli(random)) {
      if (n.bitLength() > TwoWordMontgomery.LAZY_BITS) {
        continue;
      }
      TwoWordMontgomery mont = new TwoWordMontgomery(n);
      assertThat(mont.isLazy()).isTrue();
      BigInteger eightN = n.shiftLeft(3);
      for (int i = 0; i < 200; i++) {
        BigInteger a = i % 5 == 0 ? eightN.subtract(BigInteger.ONE) : randomBelow(random, eightN);
        BigInteger b = i % 7 == 0 ? eightN.subtract(BigInteger.ONE) : randomBelow(random, eightN);

        long product = mont.multiply(a.longValue(), high(a), b.longValue(), high(b));

        BigInteger result = value(product, mont.high);
        assertThat(result).isLessThan(n.shiftLeft(1));
        assertThat(result.multiply(TWO_POW_128).mod(n)).isEqualTo(a.multiply(b).mod(n));
      }
    }
  }

  @Test
  void shouldAddPlainlyAndSubtractWithTwiceTheModulusAddedWhenLazy() {
    Random random = new Random(24);
    for (BigInteger n : moduli(random)) {
      if (n.bitLength() > TwoWordMontgomery.LAZY_BITS) {
        continue;
      }
      TwoWordMontgomery mont = new TwoWordMontgomery(n);
      BigInteger twoN = n.shiftLeft(1);
      for (int i = 0; i < 200; i++) {
        BigInteger a = randomBelow(random, n.shiftLeft(2));
        BigInteger b = i % 5 == 0 ? twoN.subtract(BigInteger.ONE) : randomBelow(random, twoN);

        long sum = mont.add(a.longValue(), high(a), b.longValue(), high(b));
        assertThat(value(sum, mont.high)).isEqualTo(a.add(b));
        long difference = mont.subtract(a.longValue(), high(a), b.longValue(), high(b));
        assertThat(value(difference, mont.high)).isEqualTo(a.subtract(b).add(twoN));
      }
    }
  }

  @Test
  void shouldKeepResiduesCongruentOverLongChainsOfProductsSumsAndDifferences() {
    Random random = new Random(25);
    for (BigInteger n : moduli(random)) {
      TwoWordMontgomery mont = new TwoWordMontgomery(n);
      long[] words = new long[8];
      BigInteger[] expected = new BigInteger[4];
      for (int i = 0; i < expected.length; i++) {
        expected[i] = randomBelow(random, n);
        words[2 * i] = mont.toMontgomery(expected[i]);
        words[2 * i + 1] = mont.high;
      }
      for (int step = 0; step < 300; step++) {
        int i = 2 * random.nextInt(4);
        int j = 2 * random.nextInt(4);
        int k = 2 * random.nextInt(4);
        // as in ECM, every residue kept is a product, and sums and differences of two products
        // are multiplied at once
        long s0;
        BigInteger s;
        if (random.nextBoolean()) {
          s0 = mont.add(words[i], words[i + 1], words[j], words[j + 1]);
          s = expected[i / 2].add(expected[j / 2]);
        } else {
          s0 = mont.subtract(words[i], words[i + 1], words[j], words[j + 1]);
          s = expected[i / 2].subtract(expected[j / 2]);
        }
        long s1 = mont.high;
        words[k] = mont.multiply(s0, s1, words[j], words[j + 1]);
        words[k + 1] = mont.high;
        expected[k / 2] = s.multiply(expected[j / 2]).mod(n);

        assertThat(mont.fromMontgomery(words[k], words[k + 1])).isEqualTo(expected[k / 2]);
        BigInteger bound = mont.isLazy() ? n.shiftLeft(1) : n;
        assertThat(value(words[k], words[k + 1])).isLessThan(bound);
      }
    }
  }

  @Test
  void shouldInvertResiduesPrimeToTheModulusLikeBigInteger() {
    Random random = new Random(26);
    for (BigInteger n : moduli(random)) {
      TwoWordMontgomery mont = new TwoWordMontgomery(n);
      for (int i = 1; i < 20; i++) {
        BigInteger a = i == 1 ? BigInteger.ONE : randomBelow(random, n);
        if (!a.gcd(n).equals(BigInteger.ONE)) {
          continue;
        }
        long a0 = mont.toMontgomery(a);
        long a1 = mont.high;
        if (mont.isLazy()) {
          a1 += high(n); // a lazy representative above n inverts the same
          a0 += n.longValue();
          a1 += Long.compareUnsigned(a0, n.longValue()) < 0 ? 1 : 0;
        }

        long inverse = mont.inverse(a0, a1);

        assertThat(mont.fromMontgomery(inverse, mont.high)).isEqualTo(a.modInverse(n));
        assertThat(value(inverse, mont.high)).isLessThan(n);
      }
    }
  }

  @Test
  void shouldComputeTheGcdWithTheModulusOfAnyRepresentative() {
    BigInteger p = BigInteger.valueOf(1_000_000_007L);
    BigInteger n = p.multiply(new BigInteger("36893488147419103363")); // a 65-bit prime
    TwoWordMontgomery mont = new TwoWordMontgomery(n);
    BigInteger representative = p.multiply(BigInteger.valueOf(12345)).add(n);

    assertThat(mont.gcdWithModulus(representative.longValue(), high(representative))).isEqualTo(p);
    assertThat(mont.gcdWithModulus(n.longValue(), high(n))).isEqualTo(n);
  }

  @Test
  void shouldRejectModuliThatAreEvenOrOutsideTwoWords() {
    for (BigInteger n :
        List.of(
            TWO_POW_64.subtract(BigInteger.ONE),
            TWO_POW_64.add(BigInteger.TWO),
            TWO_POW_128.add(BigInteger.ONE))) {
      assertThatThrownBy(() -> new TwoWordMontgomery(n))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  /** Random odd moduli of every size from 65 to 128 bits, and the edges of the ranges. */
  private static List<BigInteger> moduli(Random random) {
    List<BigInteger> moduli = new ArrayList<>();
    for (int k = 0; k < 20; k++) {
      BigInteger odd = BigInteger.valueOf(2L * k + 1);
      moduli.add(TWO_POW_64.add(odd)); // just above 2^64
      moduli.add(TWO_POW_128.subtract(odd)); // just below 2^128
      moduli.add(LAZY_LIMIT.subtract(odd)); // the largest lazy moduli
      moduli.add(LAZY_LIMIT.add(odd)); // the smallest canonical ones
      moduli.add(BigInteger.ONE.shiftLeft(127).add(odd)); // top bit set
      moduli.add(BigInteger.ONE.shiftLeft(127).subtract(odd));
    }
    for (int bits = 65; bits <= 128; bits++) {
      for (int k = 0; k < 4; k++) {
        moduli.add(new BigInteger(bits, random).setBit(bits - 1).setBit(0));
      }
    }
    return moduli;
  }

  /** Residues below n, with 0, 1 and n - 1 among them. */
  private static BigInteger operand(Random random, BigInteger n, int i) {
    return switch (i % 11) {
      case 0 -> BigInteger.ZERO;
      case 1 -> BigInteger.ONE;
      case 2 -> n.subtract(BigInteger.ONE);
      default -> randomBelow(random, n);
    };
  }

  private static BigInteger randomBelow(Random random, BigInteger bound) {
    BigInteger x;
    do {
      x = new BigInteger(bound.bitLength(), random);
    } while (x.compareTo(bound) >= 0);
    return x;
  }

  private static void assertResidue(
      TwoWordMontgomery mont, BigInteger n, long low, BigInteger expected) {
    assertThat(mont.fromMontgomery(low, mont.high)).as("mod %s", n).isEqualTo(expected.mod(n));
  }

  private static BigInteger value(long low, long high) {
    return UnsignedMath.toBigInteger(low, high);
  }

  private static long high(BigInteger x) {
    return x.shiftRight(64).longValue();
  }
}
