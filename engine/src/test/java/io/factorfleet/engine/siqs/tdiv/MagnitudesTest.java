package io.factorfleet.engine.siqs.tdiv;

import static org.assertj.core.api.Assertions.assertThat;

import io.factorfleet.engine.siqs.ModularInts;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MagnitudesTest {

  private static final Random RANDOM = new Random(42);

  @Test
  void shouldDivideExactlyByDivisorsBelow2To31() {
    for (int bits = 1; bits < 300; bits += 3) {
      long divisor = 1 + RANDOM.nextInt(Integer.MAX_VALUE);
      BigInteger quotient = new BigInteger(bits, RANDOM);
      int[] words = ModularInts.magnitudeWords(quotient.multiply(BigInteger.valueOf(divisor)));

      Magnitudes.divide(words, divisor);

      assertThat(valueOf(words)).isEqualTo(quotient);
    }
  }

  @Test
  void shouldShiftRightByAnyNumberOfBits() {
    BigInteger value = new BigInteger(250, RANDOM).setBit(249);
    for (int bits = 0; bits <= 260; bits++) {
      int[] words = ModularInts.magnitudeWords(value);

      Magnitudes.shiftRight(words, bits);

      assertThat(valueOf(words)).as("shift by %d", bits).isEqualTo(value.shiftRight(bits));
    }
  }

  @Test
  void shouldReadValuesBelow2To62AsLongsAndRefuseLargerOnes() {
    for (int bits = 0; bits <= 200; bits++) {
      BigInteger value = bits == 0 ? BigInteger.ZERO : BigInteger.ONE.shiftLeft(bits - 1);
      int[] words = ModularInts.magnitudeWords(value);

      long expected = bits <= 62 ? value.longValueExact() : -1;
      assertThat(Magnitudes.toLong(words)).as("2^%d", bits - 1).isEqualTo(expected);
    }
  }

  private static BigInteger valueOf(int[] words) {
    BigInteger value = BigInteger.ZERO;
    for (int word : words) {
      value = value.shiftLeft(32).or(BigInteger.valueOf(word & 0xFFFFFFFFL));
    }
    return value;
  }
}
