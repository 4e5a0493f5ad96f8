package io.factorfleet.cli;

import io.factorfleet.settings.CommandLines;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs the whole {@code fleet} program in this process, with its own stdin and environment. */
public record FleetRun(int exitCode, String out, String err) {
  public static FleetRun of(Map<String, String> env, String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        CommandLines.create(
                new FleetCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))),
                env,
                new PrintWriter(out),
                new PrintWriter(err))
            .execute(args);
    return new FleetRun(code, out.toString(), err.toString());
  }

  public static FleetRun of(String... args) {
    return of(Map.of(), "", args);
  }
}
