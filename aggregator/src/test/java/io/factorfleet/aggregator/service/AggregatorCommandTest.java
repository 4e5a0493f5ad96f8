package io.factorfleet.aggregator.service;

import static io.factorfleet.testing.CommandLineAssertions.assertEveryOptionStatesItsVariableAndDefault;
import static io.factorfleet.testing.CommandLineAssertions.assertHelpShowsNoPassword;
import static org.assertj.core.api.Assertions.assertThat;

import io.factorfleet.settings.CommandLines;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class AggregatorCommandTest {
  @Test
  void shouldStateEachOptionsVariableAndDefault() {
    assertEveryOptionStatesItsVariableAndDefault(
        commandLine(new AggregatorCommand(), new StringWriter()));
  }

  @Test
  void shouldShowNoPasswordInItsHelp() {
    assertHelpShowsNoPassword(AggregatorCommand::new);
  }

  @Test
  void shouldExitWithTwoNamingTheBrokerWithItsPasswordMaskedWhenTheBrokerDoesNotAnswer() {
    StringWriter err = new StringWriter();
    int code =
        commandLine(new AggregatorCommand(), err)
            .execute(
                "--amqp-uri=amqp://u:secret@127.0.0.1:1/%2F",
                "--connect-patience=PT0.1S", "--metrics-port=0");

    assertThat(code).isEqualTo(AggregatorCommand.BROKER_UNAVAILABLE);
    assertThat(err.toString())
        .contains("cannot connect to RabbitMQ at amqp://u:****@127.0.0.1:1/%2F")
        .doesNotContain("secret");
  }

  private static CommandLine commandLine(AggregatorCommand command, StringWriter err) {
    return CommandLines.create(
        command, Map.of(), new PrintWriter(new StringWriter()), new PrintWriter(err, true));
  }
}
