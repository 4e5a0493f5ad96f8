package io.factorfleet.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HardNumberStatusTest {
  @Test
  void shouldShowTheCurvesEcmHasRun() {
    assertThat(HardNumberStatus.ecm(60, 123).render(80))
        .isEqualTo("60-digit number: ECM 123 curves");
    assertThat(HardNumberStatus.ecm(60, 1).render(80)).isEqualTo("60-digit number: ECM 1 curve");
  }

  @Test
  void shouldShowTheRelationsFoundOfThoseTheSieveNeeds() {
    assertThat(HardNumberStatus.sieving(60, 1_500, 2_230).render(80))
        .isEqualTo("60-digit number: sieving 1,500/2,230 relations");
  }

  @Test
  void shouldShowTheShapeOfTheMatrix() {
    assertThat(HardNumberStatus.matrix(60, 2_166, 2_232).render(80))
        .isEqualTo("60-digit number: matrix 2,166 x 2,232");
  }

  @Test
  void shouldNeverFillTheLastColumnSoThatTheLineDoesNotWrap() {
    String line = HardNumberStatus.sieving(60, 1_500, 2_230).render(20);

    assertThat(line).isEqualTo("60-digit number: si").hasSize(19);
  }
}
