package io.factorfleet.cli;

import java.io.InputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code fleet}: the command users type. */
@Command(
    name = "fleet",
    mixinStandardHelpOptions = true,
    version = "fleet 0.1.0",
    description = "Factors integers on a fleet of workers behind RabbitMQ.",
    subcommands = {FactorCommand.class, SubmitCommand.class, StatusCommand.class})
public final class FleetCommand implements Runnable {
  /** Exit status when some input was not valid or not fully factored. */
  public static final int INPUT_ERROR = 1;

  /** Exit status when the broker cannot be reached or the connection is lost for good. */
  public static final int BROKER_UNAVAILABLE = 2;

  private final InputStream stdin;

  public FleetCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  InputStream stdin() {
    return stdin;
  }

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "a command is required: factor, submit or status");
  }
}
