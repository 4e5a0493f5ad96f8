package io.factorfleet.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GeometricTableTest {
  private final GeometricTable table =
      new GeometricTable(new int[] {10, 20, 30}, new double[] {1, 100, 200});

  @Test
  void shouldGiveTheMeasuredValueAtEachMeasuredSize() {
    assertThat(table.at(10)).isCloseTo(1, within(1e-9));
    assertThat(table.at(20)).isCloseTo(100, within(1e-9));
    assertThat(table.at(30)).isCloseTo(200, within(1e-9));
  }

  @Test
  void shouldInterpolateGeometricallyBetweenTwoSizes() {
    assertThat(table.at(15)).isCloseTo(10, within(1e-9));
    assertThat(table.at(25)).isCloseTo(100 * Math.sqrt(2), within(1e-9));
  }

  @Test
  void shouldFollowTheNearestRateBeyondTheEnds() {
    assertThat(table.at(0)).isCloseTo(0.01, within(1e-12));
    assertThat(table.at(40)).isCloseTo(400, within(1e-9));
  }

  @Test
  void shouldRefuseSizesOutOfOrderAndValuesThatAreNotPositive() {
    assertThatThrownBy(() -> new GeometricTable(new int[] {20, 10}, new double[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new GeometricTable(new int[] {10, 20}, new double[] {0, 2}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new GeometricTable(new int[] {10}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
