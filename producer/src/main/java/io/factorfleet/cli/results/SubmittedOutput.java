package io.factorfleet.cli.results;

import io.factorfleet.cli.output.OutputFormat;
import io.factorfleet.text.GnuFormat;
import io.factorfleet.text.LineBuffer;
import io.factorfleet.wire.NumberResult;
import io.factorfleet.wire.ResultMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Prints a written job's output, which the service keeps as GNU {@code factor} lines, in one of
 * {@code fleet factor}'s formats: as it is for {@code gnu}; for {@code csv} and {@code jsonl} line
 * by line, {@code jsonl} with the worker, task time and methods from the job's task info.
 */
public final class SubmittedOutput {
  /** Lines held before they are written out. */
  private static final int WRITE_THRESHOLD = 1 << 16;

  private final String job;
  private final OutputFormat format;

  public SubmittedOutput(String job, OutputFormat format) {
    this.job = job;
    this.format = format;
  }

  /**
   * Copies {@code output} to {@code out} in the format.
   *
   * @param info the job's task info, or null when the service has none (a job written by an earlier
   *     build): jsonl lines then have no worker, task time or methods
   */
  public void copy(InputStream output, InputStream info, OutputStream out) throws IOException {
    if (format == OutputFormat.GNU) {
      output.transferTo(out);
      return;
    }
    LineBuffer lines = new LineBuffer(WRITE_THRESHOLD);
    format.header().ifPresent(header -> lines.utf8(header).put('\n'));
    TaskInfoReader tasks = info == null ? null : new TaskInfoReader(job, info);
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8), 1 << 16);
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      TaskInfoReader.Line about = tasks == null ? null : tasks.next();
      format.appendLine(
          parse(line, about == null ? null : about.methods()),
          about == null ? null : about.task(),
          GnuFormat.EVERY_FACTOR,
          lines);
      lines.put('\n');
      if (lines.length() >= WRITE_THRESHOLD) {
        lines.writeTo(out);
        lines.reset();
      }
    }
    lines.writeTo(out);
  }

  /** A GNU {@code factor} line, {@code 12: 2 2 3}, as a complete result. */
  static NumberResult parse(String line, List<String> methods) throws IOException {
    int colon = line.indexOf(':');
    if (colon <= 0) {
      throw new IOException("not a line of factor's output: '" + line + "'");
    }
    String n = line.substring(0, colon);
    String rest = line.substring(colon + 1).strip();
    List<String> factors = rest.isEmpty() ? List.of() : Arrays.asList(rest.split(" "));
    return methods == null || methods.size() != factors.size()
        ? NumberResult.complete(n, factors)
        : NumberResult.complete(n, factors, methods);
  }

  /** Reads the task info alongside the output, line by line. */
  private static final class TaskInfoReader {
    /** What the info says of one output line. */
    record Line(ResultMessage task, List<String> methods) {}

    private final String job;
    private final BufferedReader reader;
    private String pending;
    private ResultMessage task;
    private long linesLeft;
    private int lineInTask;

    TaskInfoReader(String job, InputStream info) throws IOException {
      this.job = job;
      this.reader = new BufferedReader(new InputStreamReader(info, StandardCharsets.UTF_8));
      this.pending = reader.readLine(); // the job's counts
      this.pending = reader.readLine();
    }

    Line next() throws IOException {
      while (linesLeft == 0) {
        if (pending == null) {
          return null; // no more info than lines: the rest without
        }
        String[] head = pending.split(" ", 5);
        if (head.length < 5 || !head[0].equals("task")) {
          throw new IOException("job " + job + " has task info this build cannot read: " + pending);
        }
        linesLeft = Long.parseLong(head[2]);
        long nanos = Long.parseLong(head[3]);
        String worker = head[4];
        task =
            worker.equals("?") && nanos == 0
                ? null
                : ResultMessage.of(job, Long.parseLong(head[1]), worker, nanos, List.of());
        lineInTask = 0;
        pending = reader.readLine();
      }
      List<String> methods = null;
      if (pending != null && pending.startsWith("methods " + lineInTask + " ")) {
        String[] words = pending.split(" ");
        methods = Arrays.asList(words).subList(2, words.length);
        pending = reader.readLine();
      }
      linesLeft--;
      lineInTask++;
      return new Line(task, methods);
    }
  }
}
