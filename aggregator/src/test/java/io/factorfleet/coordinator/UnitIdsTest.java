package io.factorfleet.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UnitIdsTest {
  @Test
  void shouldSayWhatEachUnitCovered() {
    long ecm = UnitIds.ecm(1, 16);
    long sieve = UnitIds.sieve(1, 120);

    assertThat(UnitIds.split(ecm)).isEqualTo(1);
    assertThat(UnitIds.isSieve(ecm)).isFalse();
    assertThat(UnitIds.index(ecm)).isEqualTo(16);
    assertThat(UnitIds.split(sieve)).isEqualTo(1);
    assertThat(UnitIds.isSieve(sieve)).isTrue();
    assertThat(UnitIds.index(sieve)).isEqualTo(120);
  }

  @Test
  void shouldGrowAsTheWorkOnANumberGoesOn() {
    assertThat(UnitIds.ecm(0, 16)).isLessThan(UnitIds.sieve(0, 0));
    assertThat(UnitIds.sieve(0, 7)).isLessThan(UnitIds.sieve(0, 8));
    assertThat(UnitIds.sieve(0, (1L << 32) - 1)).isLessThan(UnitIds.ecm(1, 0));
  }

  @Test
  void shouldRefuseAnAIndexBeyondItsBits() {
    assertThatThrownBy(() -> UnitIds.sieve(0, 1L << 32))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
