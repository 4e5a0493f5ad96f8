package io.factorfleet.cli;

import io.factorfleet.cli.progress.Progress;
import java.io.InputStream;
import java.io.OutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code fleet}: the command users type. */
@Command(
    name = "fleet",
    mixinStandardHelpOptions = true,
    version = FleetCommand.VERSION,
    description = "Factors integers on a fleet of workers behind RabbitMQ.",
    subcommands = {
      FactorCommand.class,
      SubmitCommand.class,
      WaitCommand.class,
      ResultCommand.class,
      StatusCommand.class,
      JobsCommand.class,
      CancelCommand.class
    })
public final class FleetCommand implements Runnable {
  /** What {@code --version} prints. */
  static final String VERSION = "fleet 0.1.0";

  /** Exit status when some input was not valid or not fully factored. */
  public static final int INPUT_ERROR = 1;

  /** Exit status when the broker cannot be reached or the connection is lost for good. */
  public static final int BROKER_UNAVAILABLE = 2;

  /** Exit status when no job of the id given is known. */
  public static final int UNKNOWN_JOB = 3;

  /** Exit status of a job cancelled while it ran, as a shell gives a command stopped by Ctrl-C. */
  public static final int CANCELLED = 130;

  private final InputStream stdin;
  private final OutputStream stdout;
  private Progress progress = Progress.NONE;

  /**
   * @param stdin where numbers are read from when none is given as arguments
   * @param stdout standard output as bytes, for results written without a character encoder; the
   *     command line's own output writer must write to the same stream
   */
  public FleetCommand(InputStream stdin, OutputStream stdout) {
    this.stdin = stdin;
    this.stdout = stdout;
  }

  /** Shows the progress of {@code factor} and {@code submit} jobs as {@code progress} says. */
  public FleetCommand withProgress(Progress progress) {
    this.progress = progress;
    return this;
  }

  Progress progress() {
    return progress;
  }

  InputStream stdin() {
    return stdin;
  }

  OutputStream stdout() {
    return stdout;
  }

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(),
        "a command is required: factor, submit, wait, result, status, jobs or cancel");
  }
}
