package io.factorfleet.cli;

import static io.factorfleet.testing.CommandLineAssertions.ENVIRONMENT_WITH_PASSWORDS;
import static io.factorfleet.testing.CommandLineAssertions.PASSWORD;
import static io.factorfleet.testing.CommandLineAssertions.assertEveryOptionStatesItsVariableAndDefault;
import static io.factorfleet.testing.CommandLineAssertions.assertHelpShowsNoPassword;
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
  void shouldShowNoPasswordInTheHelpOfAnyCommand() {
    assertHelpShowsNoPassword(
        () -> new FleetCommand(InputStream.nullInputStream(), OutputStream.nullOutputStream()));
  }

  @Test
  void shouldShowTheStatusOptionsWithTheirPasswordsMasked() {
    FleetRun run = FleetRun.of(ENVIRONMENT_WITH_PASSWORDS, "", "status", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().replaceAll("\\s+", ""))
        .contains("default:amqp://fleet:****@rabbitmq:5672/%2F")
        .contains("default:http://admin:****@rabbitmq:15672")
        .doesNotContain(PASSWORD.substring(0, 10));
  }

  @Test
  void shouldListTheCommands() {
    FleetRun run = FleetRun.of("--help");
    assertThat(run.out()).contains("factor", "submit", "wait", "result", "status");
    assertThat(run.exitCode()).isZero();
  }

  @Test
  void shouldAskForACommandWhenGivenNone() {
    FleetRun run = FleetRun.of();
    assertThat(run.err()).contains("a command is required");
    assertThat(run.exitCode()).isEqualTo(64);
  }
}
