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
}
