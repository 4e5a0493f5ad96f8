package io.factorfleet.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.factorfleet.settings.CommandLines;
import io.factorfleet.settings.EnvironmentDefaults;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Checks the rule every Factor Fleet command keeps: one flag, one variable, one default, in help.
 */
public final class CommandLineAssertions {
  private CommandLineAssertions() {}

  /** Every long option of the command and its subcommands names its variable and its default. */
  public static void assertEveryOptionStatesItsVariableAndDefault(CommandLine line) {
    for (OptionSpec option : line.getCommandSpec().options()) {
      if (option.usageHelp() || option.versionHelp()) {
        continue;
      }
      String description = String.join(" ", option.description());
      assertThat(description)
          .as("help of %s in %s", option.longestName(), line.getCommandName())
          .contains("env " + EnvironmentDefaults.variableFor(option.longestName()))
          .containsAnyOf("${DEFAULT-VALUE}", "default: ");
    }
    for (CommandLine sub : line.getSubcommands().values()) {
      assertEveryOptionStatesItsVariableAndDefault(sub);
    }
  }

  /** A password set in the environment, long enough to be wrapped if help printed it whole. */
  public static final String PASSWORD =
      "correct-horse-battery-staple-correct-horse-battery-staple-0123456789";

  /** Broker and management URIs in the environment, each with {@link #PASSWORD}. */
  public static final Map<String, String> ENVIRONMENT_WITH_PASSWORDS =
      Map.of(
          "FLEET_AMQP_URI",
          "amqp://fleet:" + PASSWORD + "@rabbitmq:5672/%2F,amqp://fleet:" + PASSWORD + "@rabbit-2",
          "FLEET_MANAGEMENT_URI",
          "http://admin:" + PASSWORD + "@rabbitmq:15672");

  /**
   * {@code --help} of the command and of each of its subcommands, run with {@link
   * #ENVIRONMENT_WITH_PASSWORDS}, shows the URIs with their passwords masked and never a part of a
   * password.
   *
   * @param command makes a fresh instance of the program's top command
   */
  public static void assertHelpShowsNoPassword(Supplier<Object> command) {
    assertHelpShowsNoPassword(command, new String[0]);
  }

  private static void assertHelpShowsNoPassword(Supplier<Object> command, String[] path) {
    StringWriter out = new StringWriter();
    CommandLine line =
        CommandLines.create(
            command.get(),
            ENVIRONMENT_WITH_PASSWORDS,
            new PrintWriter(out, true),
            new PrintWriter(new StringWriter(), true));
    String[] args = Arrays.copyOf(path, path.length + 1);
    args[path.length] = "--help";
    assertThat(line.execute(args)).as("exit status of %s", String.join(" ", args)).isZero();
    // picocli breaks a word longer than its column: compared without the breaks
    String help = out.toString().replaceAll("\\s+", "");
    assertThat(help)
        .as("help of %s", String.join(" ", args))
        .doesNotContain(PASSWORD.substring(0, 12))
        .doesNotContain(PASSWORD.substring(PASSWORD.length() - 12));
    CommandLine target = line;
    for (String name : path) {
      target = target.getSubcommands().get(name);
    }
    if (target.getCommandSpec().findOption("--amqp-uri") != null) {
      assertThat(help)
          .as("help of %s", String.join(" ", args))
          .contains("amqp://fleet:****@rabbitmq:5672/%2F,amqp://fleet:****@rabbit-2");
    }
    if (target.getCommandSpec().findOption("--management-uri") != null) {
      assertThat(help)
          .as("help of %s", String.join(" ", args))
          .contains("http://admin:****@rabbitmq:15672");
    }
    for (String sub : target.getSubcommands().keySet()) {
      String[] longer = Arrays.copyOf(path, path.length + 1);
      longer[path.length] = sub;
      assertHelpShowsNoPassword(command, longer);
    }
  }
}
