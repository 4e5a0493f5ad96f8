package io.factorfleet.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GnuFormatTest {
  @Test
  void shouldWriteTheNumberAColonAndEachFactorAfterASpace() {
    assertThat(GnuFormat.line("12", List.of("2", "2", "3"))).isEqualTo("12: 2 2 3");
  }

  @Test
  void shouldWriteABareColonForNumbersWithoutFactors() {
    assertThat(GnuFormat.line("1", List.of())).isEqualTo("1:");
  }

  @Test
  void shouldWriteTheSameLineAsBytesFromTextOrFromUnsignedLongs() {
    LineBuffer fromText = new LineBuffer(4);
    LineBuffer fromLongs = new LineBuffer(4);

    GnuFormat.appendLine(
        "18446744073709551615",
        List.of("3", "5", "17", "257", "641", "65537", "6700417"),
        fromText);
    GnuFormat.appendLine(-1L, new long[] {3, 5, 17, 257, 641, 65537, 6700417, 99}, 7, fromLongs);

    assertThat(fromText.toString())
        .isEqualTo("18446744073709551615: 3 5 17 257 641 65537 6700417")
        .isEqualTo(fromLongs.toString());
  }

  @Test
  void shouldWriteFactorsKeptAsUnsignedLongsAsTheirTexts() {
    long[] factors = {3, 5, 17, 257, 641, 65537, 6700417};

    assertThat(GnuFormat.line("18446744073709551615", UnsignedDecimals.of(factors, 7)))
        .isEqualTo(
            GnuFormat.line(
                "18446744073709551615", List.of("3", "5", "17", "257", "641", "65537", "6700417")));
    assertThat(GnuFormat.line("1", UnsignedDecimals.of(factors, 0))).isEqualTo("1:");
  }

  @Test
  void shouldWriteTheSameLineForANumberKeptAsALongAsForItsText() {
    LineBuffer fromText = new LineBuffer(4);
    LineBuffer fromLong = new LineBuffer(4);
    List<String> factors = UnsignedDecimals.of(new long[] {3, 3, 3607, 3803}, 4);

    GnuFormat.appendLine("123456789", factors, fromText);
    GnuFormat.appendLine(123456789L, factors, fromLong);

    assertThat(fromLong.toString())
        .isEqualTo("123456789: 3 3 3607 3803")
        .isEqualTo(fromText.toString());
  }

  @Test
  void shouldWriteABareColonAsBytesForNumbersWithoutFactors() {
    LineBuffer line = new LineBuffer();

    GnuFormat.appendLine(1, new long[64], 0, line);

    assertThat(line.toString()).isEqualTo("1:");
  }
}
