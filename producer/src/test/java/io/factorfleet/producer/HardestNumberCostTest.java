package io.factorfleet.producer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HardestNumberCostTest {
  @Test
  void shouldGiveTheMeasuredTimeAtEachMeasuredSize() {
    assertThat(HardestNumberCost.nanos(9)).isEqualTo(2_000);
    assertThat(HardestNumberCost.nanos(19)).isEqualTo(55_000);
    assertThat(HardestNumberCost.nanos(30)).isEqualTo(13_500_000);
    assertThat(HardestNumberCost.nanos(40)).isEqualTo(300_000_000);
  }

  @Test
  void shouldGrowWithEveryDigitBetweenAndPastTheMeasuredSizesUntilItSaturates() {
    for (int digits = 9; HardestNumberCost.nanos(digits) < Long.MAX_VALUE; digits++) {
      assertThat(HardestNumberCost.nanos(digits + 1))
          .as("%d digits", digits + 1)
          .isGreaterThan(HardestNumberCost.nanos(digits));
    }
    assertThat(HardestNumberCost.nanos(10_000)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void shouldCountSmallNumbersAsNineDigitOnes() {
    assertThat(HardestNumberCost.nanos(1)).isEqualTo(HardestNumberCost.nanos(9));
  }
}
