package io.factorfleet.settings;

import io.factorfleet.broker.UriPasswords;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;

/**
 * Builds the picocli command line every Factor Fleet program uses: defaults from the given
 * environment, help that shows no password, output to the given writers, one exit code for bad
 * usage. Each program's {@code main} only passes in the real environment and streams, so tests run
 * whole programs in-process.
 */
public final class CommandLines {
  /** Exit status for a command line that could not be parsed or validated. */
  public static final int USAGE_ERROR = 64;

  private CommandLines() {}

  public static CommandLine create(
      Object command, Map<String, String> environment, PrintWriter out, PrintWriter err) {
    CommandLine line = new CommandLine(command);
    line.setDefaultValueProvider(new EnvironmentDefaults(environment));
    line.setHelpFactory(new PasswordMaskingHelp());
    line.setOut(out);
    line.setErr(err);
    line.setExitCodeExceptionMapper(e -> e instanceof IllegalArgumentException ? USAGE_ERROR : 1);
    line.setParameterExceptionHandler(
        (ex, args) -> {
          ex.getCommandLine()
              .getErr()
              .println(
                  ex.getCommandLine().getCommandName() + ": " + UriPasswords.mask(ex.getMessage()));
          ex.getCommandLine()
              .getErr()
              .println(
                  "Try '"
                      + ex.getCommandLine().getCommandName()
                      + " --help' for more information.");
          return USAGE_ERROR;
        });
    return line;
  }
}
