package io.factorfleet.cli;

import io.factorfleet.settings.CommandLines;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs the whole {@code fleet} program in this process, with its own stdin and environment. */
public record FleetRun(int exitCode, String out, String err) {
  public static FleetRun of(Map<String, String> env, String stdin, String... args) {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8));
    StringWriter err = new StringWriter();
    int code =
        CommandLines.create(
                new FleetCommand(
                    new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), stdout),
                env,
                out,
                new PrintWriter(err))
            .execute(args);
    out.flush();
    return new FleetRun(code, stdout.toString(StandardCharsets.UTF_8), err.toString());
  }

  public static FleetRun of(String... args) {
    return of(Map.of(), "", args);
  }
}
