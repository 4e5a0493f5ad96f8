package io.factorfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResultsCommandsTest {

  @ParameterizedTest
  @ValueSource(strings = {"wait", "result"})
  void shouldRefuseAJobIdThatCannotBeOneBeforeAskingTheService(String command) {
    FleetRun run = FleetRun.of(command, "../etc/passwd", "--results-url", "http://127.0.0.1:1");

    assertThat(run.err()).contains("'../etc/passwd' is not a job id");
    assertThat(run.exitCode()).isEqualTo(64);
  }

  @ParameterizedTest
  @ValueSource(strings = {"wait", "result"})
  void shouldRefuseAResultsUrlThatIsNotOne(String command) {
    FleetRun run = FleetRun.of(command, "job-1", "--results-url", "http://[not a url");

    assertThat(run.err()).contains("results URL");
    assertThat(run.exitCode()).isEqualTo(64);
  }
}
