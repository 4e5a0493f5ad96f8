package io.factorfleet.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnsignedDecimalsTest {
  private static final long[] VALUES = {0, 7, 1_000_000_007L, Long.MAX_VALUE, -1L, Long.MIN_VALUE};
  private static final List<String> TEXTS =
      List.of(
          "0",
          "7",
          "1000000007",
          "9223372036854775807",
          "18446744073709551615",
          "9223372036854775808");

  @Test
  void shouldReadAsTheDecimalTextsOfItsUnsignedValues() {
    UnsignedDecimals decimals = UnsignedDecimals.of(VALUES, VALUES.length);

    assertThat(decimals).containsExactlyElementsOf(TEXTS);
    assertThat(decimals.unsigned(4)).isEqualTo(-1L);
  }

  @Test
  void shouldEqualAnyListOfTheSameTexts() {
    UnsignedDecimals decimals = UnsignedDecimals.of(VALUES, VALUES.length);

    assertThat(decimals).isEqualTo(TEXTS).hasSameHashCodeAs(TEXTS);
    assertThat(TEXTS).isEqualTo(decimals);
  }

  @Test
  void shouldKeepOnlyTheFirstValuesAndACopyOfThem() {
    long[] values = {2, 3, 5, 99};
    UnsignedDecimals decimals = UnsignedDecimals.of(values, 3);
    values[0] = 11;

    assertThat(decimals).containsExactly("2", "3", "5");
  }

  @Test
  void shouldNotChange() {
    UnsignedDecimals decimals = UnsignedDecimals.of(VALUES, 2);

    assertThatThrownBy(() -> decimals.set(0, "1"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> decimals.add("1")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void shouldWriteTheDigitsOfEachValueAtTheEndOfABuffer() {
    UnsignedDecimals decimals = UnsignedDecimals.of(VALUES, VALUES.length);
    char[] buffer = new char[UnsignedDecimals.MAX_DIGITS];

    for (int i = 0; i < VALUES.length; i++) {
      int start = decimals.digits(i, buffer);
      assertThat(new String(buffer, start, buffer.length - start)).isEqualTo(TEXTS.get(i));
    }
  }
}
