package io.factorfleet.worker;

import static io.factorfleet.testing.CommandLineAssertions.assertEveryOptionStatesItsVariableAndDefault;
import static io.factorfleet.testing.CommandLineAssertions.assertHelpShowsNoPassword;
import static org.assertj.core.api.Assertions.assertThat;

import io.factorfleet.settings.CommandLines;
import io.factorfleet.testing.CapturedLogs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class WorkerCommandTest {
  @Test
  void shouldStateEachOptionsVariableAndDefault() {
    assertEveryOptionStatesItsVariableAndDefault(
        commandLine(new WorkerCommand(), new StringWriter()));
  }

  @Test
  void shouldShowNoPasswordInItsHelp() {
    assertHelpShowsNoPassword(WorkerCommand::new);
  }

  @Test
  void shouldSizeThreadsToTheProcessorsAndPrefetchToTheThreads() {
    WorkerCommand command = new WorkerCommand();
    commandLine(command, new StringWriter())
        .parseArgs("--prefetch-per-thread=3", "--task-budget=PT5M");

    WorkerSettings settings = command.settings();

    assertThat(settings.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(settings.prefetch()).isEqualTo(settings.threads() * 3);
  }

  @Test
  void shouldTakeSettingsFromTheEnvironment() {
    WorkerCommand command = new WorkerCommand();
    commandLine(command, Map.of("FLEET_THREADS", "3", "FLEET_WORKER_ID", "w7"), new StringWriter())
        .parseArgs();

    assertThat(command.settings().threads()).isEqualTo(3);
    assertThat(command.settings().workerId()).isEqualTo("w7");
  }

  @Test
  void shouldTakeThePasswordFromThePasswordFile(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("password"), "from-the-file\n");
    WorkerCommand command = new WorkerCommand();
    commandLine(
            command,
            Map.of(
                "FLEET_AMQP_URI",
                "amqp://fleet:in-the-uri@rabbitmq/%2F",
                "FLEET_AMQP_PASSWORD_FILE",
                file.toString()),
            new StringWriter())
        .parseArgs();

    assertThat(command.settings().broker().primary().getUserInfo())
        .isEqualTo("fleet:from-the-file");
  }

  @Test
  void shouldRefuseAMissingPasswordFileAsABadSetting(@TempDir Path dir) {
    Path missing = dir.resolve("missing");
    StringWriter err = new StringWriter();
    int code =
        commandLine(new WorkerCommand(), err)
            .execute("--amqp-password-file=" + missing, "--metrics-port=0");

    assertThat(code).isEqualTo(CommandLines.USAGE_ERROR);
    assertThat(err.toString().lines().findFirst())
        .hasValue("fleet-worker: cannot read the password file " + missing + ": no such file");
  }

  @Test
  void shouldRefuseATaskBudgetTheBrokerWouldNotWaitFor() {
    StringWriter err = new StringWriter();
    int code = commandLine(new WorkerCommand(), err).execute("--task-budget=PT15M", "--threads=1");

    assertThat(code).isEqualTo(CommandLines.USAGE_ERROR);
    assertThat(err.toString())
        .contains("task budget PT15M times prefetch per thread 2 is PT30M")
        .contains("lower the task budget to PT10M or the prefetch per thread to 1");
  }

  @Test
  void shouldExitWithTwoNamingTheBrokerWithItsPasswordMaskedWhenTheBrokerDoesNotAnswer() {
    StringWriter err = new StringWriter();
    int code;
    String logged;
    try (CapturedLogs logs = CapturedLogs.start()) {
      code =
          commandLine(new WorkerCommand(), err)
              .execute(
                  "--amqp-uri=amqp://u:secret@127.0.0.1:1/%2F",
                  "--connect-patience=PT0.1S", "--metrics-port=0");
      logged = logs.text();
    }

    assertThat(code).isEqualTo(WorkerCommand.BROKER_UNAVAILABLE);
    assertThat(err.toString())
        .contains("cannot connect to RabbitMQ at amqp://u:****@127.0.0.1:1/%2F")
        .doesNotContain("secret");
    assertThat(logged).doesNotContain("secret");
  }

  private static CommandLine commandLine(WorkerCommand command, StringWriter err) {
    return commandLine(command, Map.of(), err);
  }

  private static CommandLine commandLine(
      WorkerCommand command, Map<String, String> env, StringWriter err) {
    return CommandLines.create(
        command, env, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
  }
}
