package io.factorfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FactorLocalJsonlTest {
  /** 100000000000012373 * 300000000000001009: 115 bits, past ECM's pretest, so sieved. */
  private static final String SIEVED = "30000000000003812800000000012484357";

  @ParameterizedTest(name = "on {0} threads")
  @ValueSource(ints = {1, 2})
  void shouldPrintHowEachFactorWasFoundFrom2Pow64OnAsTheFleetDoes(int threads) {
    FleetRun run =
        FleetRun.of(
            Map.of(),
            "12 18446744073709551617\n" + SIEVED + "\n",
            "factor",
            "--local",
            "--format=jsonl",
            "--threads=" + threads);

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo(
            """
            {"n":"12","factors":["2","2","3"]}
            {"n":"18446744073709551617","factors":["274177","67280421310721"],\
            "methods":["ecm","ecm"]}
            {"n":"%s","factors":["100000000000012373","300000000000001009"],\
            "methods":["siqs","siqs"]}
            """
                .formatted(SIEVED));
  }

  @ParameterizedTest
  @ValueSource(strings = {"9223372036854775809", "+0018446744073709551615"})
  void shouldLeaveTheMethodsOutBelow2Pow64EvenForNumbersGivenAsText(String number) {
    FleetRun run = FleetRun.of("factor", "--local", "--format=jsonl", number);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("{\"n\":\"").doesNotContain("methods").endsWith("]}\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "-4"})
  void shouldReportAnInvalidNumberOnStandardErrorAndPrintNoLineForIt(String token) {
    FleetRun run =
        FleetRun.of(Map.of(), "4 " + token + " 9\n", "factor", "--local", "--format=jsonl");

    assertThat(run.out())
        .isEqualTo(
            "{\"n\":\"4\",\"factors\":[\"2\",\"2\"]}\n{\"n\":\"9\",\"factors\":[\"3\",\"3\"]}\n");
    assertThat(run.err()).isEqualTo("fleet: '" + token + "' is not a valid positive integer\n");
    assertThat(run.exitCode()).isEqualTo(1);
  }
}
