package io.factorfleet.broker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentEncodingTest {
  @Test
  void shouldPercentEncodeEverythingButUnreservedCharacters() {
    assertThat(PercentEncoding.encode("/")).isEqualTo("%2F");
    assertThat(PercentEncoding.encode("^fleet\\.results\\.")).isEqualTo("%5Efleet%5C.results%5C.");
    assertThat(PercentEncoding.encode("a b+é")).isEqualTo("a%20b%2B%C3%A9");
  }

  @Test
  void shouldDecodeWhatItEncodesAndKeepAPlusSign() {
    String text = "p@ss:w/rd %é+";

    assertThat(PercentEncoding.decode(PercentEncoding.encode(text))).isEqualTo(text);
    assertThat(PercentEncoding.decode("a+b%2Fc%")).isEqualTo("a+b/c%");
  }
}
