package io.factorfleet.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.factorfleet.text.UnsignedDecimals;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumberResultTest {
  private static final UnsignedDecimals FACTORS = UnsignedDecimals.of(new long[] {2, 2, 3}, 3);

  @Test
  void shouldEqualTheSameResultWithItsNumberAsText() {
    NumberResult kept = NumberResult.complete(12L, FACTORS);
    NumberResult text = NumberResult.complete("12", List.of("2", "2", "3"));

    assertThat(kept).isEqualTo(text).hasSameHashCodeAs(text);
    assertThat(kept.n()).isEqualTo("12");
    assertThat(kept).hasToString(text.toString());
  }

  @Test
  void shouldGiveTheNumberAsALongOnlyWhenKeptAsOne() {
    assertThat(NumberResult.complete(Long.MAX_VALUE, FACTORS).value()).isEqualTo(Long.MAX_VALUE);
    assertThat(NumberResult.complete("12", FACTORS).value()).isEqualTo(-1);
    assertThat(NumberResult.refused("x", "bad").value()).isEqualTo(-1);
  }

  @Test
  void shouldRefuseANumberKeptAsALongAbove2Pow63() {
    assertThatThrownBy(() -> NumberResult.complete(-1L, FACTORS))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
