package io.factorfleet.cli;

import io.factorfleet.settings.CommandLines;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point of {@code fleet.jar}: wires the real environment and streams, and exits. */
public final class FleetMain {
  private FleetMain() {}

  public static void main(String[] args) {
    // The CLI speaks through its own messages; library logging only when something is wrong.
    if (System.getProperty("FLEET_LOG_LEVEL") == null && System.getenv("FLEET_LOG_LEVEL") == null) {
      System.setProperty("FLEET_LOG_LEVEL", "WARN");
    }
    // Results can be millions of lines: stdout is buffered and flushed by the commands.
    PrintWriter out =
        new PrintWriter(
            new BufferedWriter(
                new OutputStreamWriter(
                    new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8),
                1 << 16));
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8));
    int status =
        CommandLines.create(new FleetCommand(System.in), System.getenv(), out, err).execute(args);
    out.flush();
    err.flush();
    System.exit(status);
  }
}
