package io.factorfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code fleet factor -h}: GNU factor's {@code --exponents}, and help on {@code --help} alone. */
class FactorExponentsTest {
  @Test
  void shouldPrintRepeatedFactorsAsPowersWithMinusH() {
    FleetRun run = FleetRun.of("factor", "--local", "-h", "3000", "12", "7", "1", "0");

    assertThat(run.out()).isEqualTo("3000: 2^3 3 5^3\n12: 2^2 3\n7: 7\n1:\n0:\n");
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void shouldTakeExponentsAfterTheNumbersAsGnuGetoptDoes() {
    FleetRun run = FleetRun.of(Map.of(), "3000\n1024\n", "factor", "--local", "--exponents");

    assertThat(run.out()).isEqualTo("3000: 2^3 3 5^3\n1024: 2^10\n");
  }

  @Test
  void shouldWriteExponentsOfNumbersBeyondALong() {
    FleetRun run =
        FleetRun.of(
            "factor",
            "--local",
            "-h",
            "340282366920938463463374607431768211456",
            "18446744073709551616",
            "36472996377170786403",
            "73786976294838206468");

    assertThat(run.out())
        .isEqualTo(
            "340282366920938463463374607431768211456: 2^128\n"
                + "18446744073709551616: 2^64\n"
                + "36472996377170786403: 3^41\n"
                + "73786976294838206468: 2^2 274177 67280421310721\n");
  }

  @Test
  void shouldTakeExponentsFromTheEnvironment() {
    FleetRun run = FleetRun.of(Map.of("FLEET_EXPONENTS", "true"), "", "factor", "--local", "8");

    assertThat(run.out()).isEqualTo("8: 2^3\n");
  }

  @Test
  void shouldShowHelpOnDoubleDashHelpAloneAndNameMinusHThere() {
    FleetRun run = FleetRun.of("factor", "--help");

    assertThat(run.out())
        .contains("Usage: fleet factor", "-h, --exponents", "      --help  ", "Show this help");
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void shouldPrintTheVersionOfFleet() {
    assertThat(FleetRun.of("factor", "--version").out()).isEqualTo("fleet 0.1.0\n");
  }

  @Test
  void shouldRefuseExponentsWithAFormatForPrograms() {
    FleetRun run = FleetRun.of("factor", "--exponents", "--format=csv", "12");

    assertThat(run.err())
        .contains(
            "--exponents is for --format=gnu only; --format=csv lists every factor as often as"
                + " it divides");
    assertThat(run.out()).isEmpty();
    assertThat(run.exitCode()).isEqualTo(64);
  }
}
