package io.factorfleet.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.factorfleet.testing.EdgeTokens;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumberParserTest {
  private final NumberParser parser = new NumberParser(100);

  @Test
  void shouldReadPlainDecimalNumbers() {
    assertThat(parser.parse("12345678901234567890123"))
        .isEqualTo(new BigInteger("12345678901234567890123"));
  }

  @Test
  void shouldDropLeadingZerosAndPlusSignAsGnuFactorDoes() {
    assertThat(parser.parse("007")).isEqualTo(BigInteger.valueOf(7));
    assertThat(parser.parse("+5")).isEqualTo(BigInteger.valueOf(5));
    assertThat(parser.parse("000")).isEqualTo(BigInteger.ZERO);
    assertThat(parser.parse("+0")).isEqualTo(BigInteger.ZERO);
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "", "+", "++5", "-3", "1e3", "0x10", "12 13", "١٢", "5.0", "12\r"})
  void shouldRefuseWhatGnuFactorRefuses(String token) {
    assertThatThrownBy(() -> parser.parse(token))
        .isInstanceOf(InvalidNumberException.class)
        .hasMessageEndingWith("is not a valid positive integer");
  }

  @Test
  void shouldNameTheOffendingTokenInTheMessage() {
    assertThatThrownBy(() -> parser.parse("abc"))
        .hasMessage("'abc' is not a valid positive integer");
  }

  @Test
  void shouldEscapeControlCharactersSoTheErrorStaysOnOneLine() {
    assertThatThrownBy(() -> parser.parse("12\r\u000b"))
        .hasMessage("'12\\r\\v' is not a valid positive integer");
  }

  @Test
  void shouldRefuseNumbersOverTheDigitLimitWithoutCountingLeadingZeros() {
    NumberParser small = new NumberParser(5);
    assertThat(small.parse("0000012345")).isEqualTo(BigInteger.valueOf(12345));
    assertThatThrownBy(() -> small.parse("123456"))
        .isInstanceOf(InvalidNumberException.class)
        .hasMessage("'123456' has 6 digits, over the limit of 5");
  }

  @Test
  void shouldShortenHugeTokensInMessages() {
    String garbage = "x".repeat(1_000_000);
    assertThatThrownBy(() -> parser.parse(garbage))
        .hasMessageContaining("(1000000 characters)")
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
  }

  @Test
  void shouldReadSmallNumbersOnTheFastPathExactlyAsTheGeneralOne() {
    for (String token : EdgeTokens.ON_FAST_PATH) {
      assertThat(parser.parseSmall(token))
          .as(token)
          .isEqualTo(parser.parse(token).longValueExact());
    }
  }

  @Test
  void shouldLeaveEverythingElseToTheGeneralPath() {
    for (String token : EdgeTokens.OFF_FAST_PATH) {
      assertThat(parser.parseSmall(token)).as(token).isEqualTo(-1);
    }
    assertThat(new NumberParser(3).parseSmall("1000")).isEqualTo(-1);
  }

  @Test
  void shouldReadOnlyCanonicalTextAsSmallCanonical() {
    assertThat(NumberParser.parseSmallCanonical("0")).isZero();
    assertThat(NumberParser.parseSmallCanonical("999999999999999999"))
        .isEqualTo(999_999_999_999_999_999L);
    assertThat(NumberParser.parseSmallCanonical("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    for (String text :
        new String[] {
          "",
          "+5",
          "007",
          "0 ",
          "9223372036854775808",
          "9999999999999999999",
          "922337203685477580x",
          "-3"
        }) {
      assertThat(NumberParser.parseSmallCanonical(text)).as(text).isEqualTo(-1);
    }
  }

  @Test
  void shouldWriteNumbersCanonically() {
    assertThat(parser.canonical("007")).isEqualTo("7");
    assertThat(parser.canonical("+0")).isEqualTo("0");
    assertThat(parser.canonical("0")).isEqualTo("0");
    assertThat(parser.canonical("+00012345678901234567890")).isEqualTo("12345678901234567890");
    assertThat(parser.canonical("+000000000000000000000000")).isEqualTo("0");
    assertThat(parser.canonical("98765432109876543210")).isEqualTo("98765432109876543210");
    assertThatThrownBy(() -> parser.canonical("x")).isInstanceOf(InvalidNumberException.class);
    assertThatThrownBy(() -> new NumberParser(3).canonical("+0001234"))
        .isInstanceOf(InvalidNumberException.class)
        .hasMessageContaining("4 digits");
  }

  @Test
  void shouldRejectANonPositiveDigitLimit() {
    assertThatThrownBy(() -> new NumberParser(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
