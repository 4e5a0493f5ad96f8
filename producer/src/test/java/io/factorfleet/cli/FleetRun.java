package io.factorfleet.cli;

import io.factorfleet.settings.CommandLines;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs the whole {@code fleet} program in this process, with its own stdin and environment. */
public record FleetRun(int exitCode, String out, String err) {
  public static FleetRun of(Map<String, String> env, String stdin, String... args) {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    int code =
        execute(
            env,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            stdout,
            err,
            args);
    return new FleetRun(code, stdout.toString(StandardCharsets.UTF_8), err.toString());
  }

  public static FleetRun of(String... args) {
    return of(Map.of(), "", args);
  }

  /**
   * Runs the program on streams, for input and output too long to hold in memory.
   *
   * @return its exit status
   */
  public static int execute(
      Map<String, String> env,
      InputStream stdin,
      OutputStream stdout,
      StringWriter err,
      String... args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8));
    int code =
        CommandLines.create(new FleetCommand(stdin, stdout), env, out, new PrintWriter(err))
            .execute(args);
    out.flush();
    return code;
  }
}
