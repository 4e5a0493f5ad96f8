package io.factorfleet.aggregator.service;

import io.factorfleet.aggregator.ResultLines;
import io.factorfleet.text.GnuFormat;
import io.factorfleet.text.LineBuffer;
import io.factorfleet.wire.NumberResult;
import io.factorfleet.wire.ResultMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One task's answer as the spool keeps it: the GNU {@code factor} lines of the numbers factored,
 * the messages of those that were not, and the task's {@link TaskInfo} lines, which the jsonl
 * format needs besides the factors. Made on a consumer's thread, so that the thread that writes the
 * spool only copies bytes.
 *
 * @param job the job
 * @param task the task's index in the job
 * @param numbers how many numbers the task answered, factored or not
 * @param errors how many of them were not factored
 * @param lines a GNU {@code factor} line for each number factored, in the task's order
 * @param errorLines a line for each number not factored, in the task's order
 * @param info the task's info lines
 */
record TaskRecord(
    String job, long task, int numbers, int errors, byte[] lines, byte[] errorLines, byte[] info)
    implements SpoolEntry {

  /** Formats the lines of {@code result}, whose factorizations have been verified. */
  static TaskRecord of(ResultMessage result) {
    LineBuffer lines = new LineBuffer(result.results().size() * 24);
    LineBuffer errorLines = new LineBuffer(16);
    TaskInfo.Writer info = TaskInfo.writer(result.task(), result.worker(), result.nanos());
    int errors = 0;
    for (NumberResult r : result.results()) {
      if (r.isComplete()) {
        if (r.value() >= 0) {
          GnuFormat.EVERY_FACTOR.appendLine(r.value(), r.factors(), lines);
        } else {
          GnuFormat.EVERY_FACTOR.appendLine(r.n(), r.factors(), lines);
        }
        lines.put('\n');
        info.line(r.methods());
      } else {
        errorLines.utf8(ResultLines.errorMessage(r)).put('\n');
        errors++;
      }
    }
    return new TaskRecord(
        result.job(),
        result.task(),
        result.results().size(),
        errors,
        bytes(lines),
        bytes(errorLines),
        info.toBytes());
  }

  private static byte[] bytes(LineBuffer buffer) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(buffer.length());
    try {
      buffer.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return out.toByteArray();
  }

  /** The lines as text, for tests and logs. */
  String linesText() {
    return new String(lines, StandardCharsets.UTF_8);
  }
}
