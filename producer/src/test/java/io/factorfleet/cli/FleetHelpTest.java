package io.factorfleet.cli;

import static io.factorfleet.testing.CommandLineAssertions.assertEveryOptionStatesItsVariableAndDefault;
import static org.assertj.core.api.Assertions.assertThat;

import io.factorfleet.settings.CommandLines;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetHelpTest {
  @Test
  void shouldStateEachOptionsVariableAndDefault() {
    assertEveryOptionStatesItsVariableAndDefault(
        CommandLines.create(
            new FleetCommand(InputStream.nullInputStream(), OutputStream.nullOutputStream()),
            Map.of(),
            new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter())));
  }

  @Test
  void shouldListTheCommands() {
    FleetRun run = FleetRun.of("--help");
    assertThat(run.out()).contains("factor", "submit", "status");
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void shouldAskForACommandWhenGivenNone() {
    FleetRun run = FleetRun.of();
    assertThat(run.err()).contains("a command is required");
    assertThat(run.exitCode()).isEqualTo(64);
  }
}
