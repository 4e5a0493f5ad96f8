package io.factorfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.factorfleet.settings.CommandLines;
import org.junit.jupiter.api.Test;

class FactorFormatOptionTest {
  @Test
  void shouldRefuseAFormatItDoesNotKnow() {
    FleetRun run = FleetRun.of("factor", "--format=xml", "12");

    assertThat(run.exitCode()).isEqualTo(CommandLines.USAGE_ERROR);
    assertThat(run.err()).contains("'xml' is not a format; expected gnu, jsonl or csv");
  }

  @Test
  void shouldRefuseCsvWithLocal() {
    FleetRun run = FleetRun.of("factor", "--local", "--format=csv", "12");

    assertThat(run.exitCode()).isEqualTo(CommandLines.USAGE_ERROR);
    assertThat(run.err()).contains("--format=csv needs the fleet");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void shouldAcceptTheFormatInAnyCase() {
    FleetRun run = FleetRun.of("factor", "--local", "--format=GNU", "12");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("12: 2 2 3\n");
  }
}
