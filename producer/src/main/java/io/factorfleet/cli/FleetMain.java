package io.factorfleet.cli;

import io.factorfleet.cli.progress.Progress;
import io.factorfleet.settings.CommandLines;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Entry point of {@code fleet.jar}: wires the real environment and streams, and exits. */
public final class FleetMain {
  private FleetMain() {}

  /** Columns of a terminal that does not say how wide it is. */
  private static final int DEFAULT_COLUMNS = 80;

  public static void main(String[] args) {
    // The CLI speaks through its own messages; library logging only when something is wrong.
    if (System.getProperty("FLEET_LOG_LEVEL") == null && System.getenv("FLEET_LOG_LEVEL") == null) {
      System.setProperty("FLEET_LOG_LEVEL", "WARN");
    }
    // Results can be millions of lines: stdout is buffered and flushed by the commands.
    OutputStream stdout =
        new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
    PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8));
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8));
    int status =
        CommandLines.create(
                new FleetCommand(System.in, stdout).withProgress(progress()),
                System.getenv(),
                out,
                err)
            .execute(args);
    out.flush();
    try {
      stdout.flush();
    } catch (IOException e) {
      // standard output is gone (a closed pipe); nothing left to tell it
    }
    err.flush();
    System.exit(status);
  }

  /** A progress line on standard error when it is a terminal; never into a pipe or a file. */
  private static Progress progress() {
    if (!stderrIsTerminal()) {
      return Progress.NONE;
    }
    try {
      return Progress.onTerminal(Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "")));
    } catch (IllegalArgumentException e) {
      return Progress.onTerminal(DEFAULT_COLUMNS);
    }
  }

  /**
   * Java tells only whether standard input and output both are a terminal ({@code
   * System.console()}); Linux tells of standard error itself, through the link that names its file.
   */
  private static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null;
    }
  }
}
