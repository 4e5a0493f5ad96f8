package io.factorfleet.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GnuFormatTest {
  @Test
  void shouldWriteTheNumberAColonAndEachFactorAfterASpace() {
    assertThat(GnuFormat.EVERY_FACTOR.line("12", List.of("2", "2", "3"))).isEqualTo("12: 2 2 3");
  }

  @Test
  void shouldWriteABareColonForNumbersWithoutFactors() {
    assertThat(GnuFormat.EVERY_FACTOR.line("1", List.of())).isEqualTo("1:");
  }

  @Test
  void shouldWriteTheSameLineAsBytesFromTextOrFromUnsignedLongs() {
    LineBuffer fromText = new LineBuffer(4);
    LineBuffer fromLongs = new LineBuffer(4);

    GnuFormat.EVERY_FACTOR.appendLine(
        "18446744073709551615",
        List.of("3", "5", "17", "257", "641", "65537", "6700417"),
        fromText);
    GnuFormat.EVERY_FACTOR.appendLine(
        -1L, new long[] {3, 5, 17, 257, 641, 65537, 6700417, 99}, 7, fromLongs);

    assertThat(fromText.toString())
        .isEqualTo("18446744073709551615: 3 5 17 257 641 65537 6700417")
        .isEqualTo(fromLongs.toString());
  }

  @Test
  void shouldWriteFactorsKeptAsUnsignedLongsAsTheirTexts() {
    long[] factors = {3, 5, 17, 257, 641, 65537, 6700417};

    assertThat(GnuFormat.EVERY_FACTOR.line("18446744073709551615", UnsignedDecimals.of(factors, 7)))
        .isEqualTo(
            GnuFormat.EVERY_FACTOR.line(
                "18446744073709551615", List.of("3", "5", "17", "257", "641", "65537", "6700417")));
    assertThat(GnuFormat.EVERY_FACTOR.line("1", UnsignedDecimals.of(factors, 0))).isEqualTo("1:");
  }

  @Test
  void shouldWriteTheSameLineForANumberKeptAsALongAsForItsText() {
    LineBuffer fromText = new LineBuffer(4);
    LineBuffer fromLong = new LineBuffer(4);
    List<String> factors = UnsignedDecimals.of(new long[] {3, 3, 3607, 3803}, 4);

    GnuFormat.EVERY_FACTOR.appendLine("123456789", factors, fromText);
    GnuFormat.EVERY_FACTOR.appendLine(123456789L, factors, fromLong);

    assertThat(fromLong.toString())
        .isEqualTo("123456789: 3 3 3607 3803")
        .isEqualTo(fromText.toString());
  }

  @Test
  void shouldWriteABareColonAsBytesForNumbersWithoutFactors() {
    LineBuffer line = new LineBuffer();

    GnuFormat.EVERY_FACTOR.appendLine(1, new long[64], 0, line);

    assertThat(line.toString()).isEqualTo("1:");
  }

  @Test
  void shouldWriteARepeatedFactorOnceWithItsExponentAsCoreutilsFactorMinusH() {
    assertThat(GnuFormat.EXPONENTS.line("3000", List.of("2", "2", "2", "3", "5", "5", "5")))
        .isEqualTo("3000: 2^3 3 5^3");
    assertThat(GnuFormat.EXPONENTS.line("1", List.of())).isEqualTo("1:");
    assertThat(GnuFormat.EXPONENTS.line("7", List.of("7"))).isEqualTo("7: 7");
  }

  @Test
  void shouldWriteTheSameExponentsFromTextFromUnsignedLongsAndFromALongArray() {
    long[] factors = {2, 2, 3, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, -5, -5};
    List<String> texts = UnsignedDecimals.of(factors, factors.length).stream().toList();
    LineBuffer fromText = new LineBuffer(4);
    LineBuffer fromDecimals = new LineBuffer(4);
    LineBuffer fromArray = new LineBuffer(4);

    GnuFormat.EXPONENTS.appendLine("9", texts, fromText);
    GnuFormat.EXPONENTS.appendLine(9L, UnsignedDecimals.of(factors, factors.length), fromDecimals);
    GnuFormat.EXPONENTS.appendLine(9L, factors, factors.length, fromArray);

    assertThat(fromText.toString())
        .isEqualTo("9: 2^2 3 7^11 18446744073709551611^2")
        .isEqualTo(fromDecimals.toString())
        .isEqualTo(fromArray.toString());
  }

  @Test
  void shouldWriteOnlyTheFactorsOfTheCountGivenWithExponents() {
    LineBuffer line = new LineBuffer();

    GnuFormat.EXPONENTS.appendLine(8, new long[] {2, 2, 2, 2, 2}, 3, line);

    assertThat(line.toString()).isEqualTo("8: 2^3");
  }

  @Test
  void shouldChooseTheLayoutByTheExponentsFlag() {
    assertThat(GnuFormat.of(true)).isSameAs(GnuFormat.EXPONENTS);
    assertThat(GnuFormat.of(false)).isSameAs(GnuFormat.EVERY_FACTOR);
  }
}
