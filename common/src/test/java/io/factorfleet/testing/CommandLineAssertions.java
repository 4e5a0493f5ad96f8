package io.factorfleet.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.factorfleet.settings.EnvironmentDefaults;
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
}
