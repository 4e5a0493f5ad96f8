package io.factorfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.factorfleet.testing.GnuFactor;
import io.factorfleet.testing.NumberMix;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FactorLocalTest {
  @ParameterizedTest(name = "on {0} threads, chunk size {1} (0: sized by factoring time)")
  @CsvSource({"1, 37", "2, 37", "1, 0", "2, 0"})
  void shouldPrintExactlyWhatGnuFactorPrints(int threads, int chunkSize) throws Exception {
    assumeThat(GnuFactor.isInstalled()).as("GNU factor installed").isTrue();
    List<String> numbers =
        NumberMix.withSeed(42)
            .edgeCases()
            .random(2_000, 2, 64)
            .random(300, 65, 90)
            .semiprimes(50, 31)
            .squaresOfPrimes(20, 40)
            .random(chunkSize == 0 ? 30_000 : 0, 20, 30) // enough for chunks to grow
            .shuffled()
            .build();

    FleetRun run =
        FleetRun.of(
            Map.of(),
            String.join("\n", numbers) + "\n",
            "factor",
            "--local",
            "--chunk-size=" + chunkSize,
            "--threads=" + threads);

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo(GnuFactor.output(numbers));
  }

  @Test
  void shouldTakeNumbersFromArgumentsInOrder() {
    FleetRun run = FleetRun.of("factor", "--local", "--chunk-size=1", "12", "0", "1", "007", "+5");

    assertThat(run.out()).isEqualTo("12: 2 2 3\n0:\n1:\n7: 7\n5: 5\n");
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void shouldReportAnInvalidTokenGoOnAndExitWithOne() {
    FleetRun run = FleetRun.of(Map.of(), "4 abc 9\n-3", "factor", "--local");

    assertThat(run.out()).isEqualTo("4: 2 2\n9: 3 3\n");
    assertThat(run.err())
        .isEqualTo(
            "fleet: 'abc' is not a valid positive integer\n"
                + "fleet: '-3' is not a valid positive integer\n");
    assertThat(run.exitCode()).isEqualTo(1);
  }

  @Test
  void shouldRefuseNumbersOverTheDigitLimit() {
    FleetRun run = FleetRun.of("factor", "--local", "--max-digits=3", "999", "1000");

    assertThat(run.out()).isEqualTo("999: 3 3 3 37\n");
    assertThat(run.err()).isEqualTo("fleet: '1000' has 4 digits, over the limit of 3\n");
    assertThat(run.exitCode()).isEqualTo(1);
  }

  @Test
  void shouldPrintNothingForEmptyInput() {
    FleetRun run = FleetRun.of(Map.of(), "  \n\n", "factor", "--local");

    assertThat(run.out()).isEmpty();
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void shouldTakeSettingsFromTheEnvironment() {
    FleetRun run = FleetRun.of(Map.of("FLEET_MAX_DIGITS", "2"), "", "factor", "--local", "100");

    assertThat(run.err()).contains("over the limit of 2");
    assertThat(run.exitCode()).isEqualTo(1);
  }

  @Test
  void shouldRefuseABadSettingWithUsageError() {
    FleetRun run = FleetRun.of("factor", "--local", "--chunk-size=-1", "5");

    assertThat(run.err()).contains("chunk size must be 0 to 10000, got -1");
    assertThat(run.exitCode()).isEqualTo(64);
  }
}
