package io.factorfleet.aggregator.service;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a finished job keeps of each task besides its lines, for the jsonl format: how many of the
 * job's output lines the task wrote, the worker that answered it and the time it took, and how each
 * factor of a line was found when the worker said so. Text, one task after the other in task order:
 *
 * <pre>
 * task 0 3 4591163 worker-a
 * methods 1 ecm ecm
 * task 1 2 283383 worker-b
 * </pre>
 *
 * <p>{@code task INDEX LINES NANOS WORKER} opens a task; {@code methods I M...} gives the methods
 * of its I-th line (from 0). The worker's id is the rest of the line, control characters replaced.
 */
public final class TaskInfo {
  /** Opens the lines of a task. */
  public static final String TASK = "task";

  /** Gives the methods of one line of the task. */
  public static final String METHODS = "methods";

  private TaskInfo() {}

  /** Starts the info of a task. */
  static Writer writer(long task, String worker, long nanos) {
    return new Writer(task, worker, nanos);
  }

  /** Collects one task's info as its lines are written. */
  static final class Writer {
    private final StringBuilder methods = new StringBuilder();
    private final long task;
    private final String worker;
    private final long nanos;
    private int lines;

    private Writer(long task, String worker, long nanos) {
      this.task = task;
      this.worker = worker;
      this.nanos = nanos;
    }

    /** Notes one more output line, with how its factors were found, or null when not told. */
    void line(List<String> lineMethods) {
      if (lineMethods != null && !lineMethods.isEmpty()) {
        methods.append(METHODS).append(' ').append(lines);
        for (String method : lineMethods) {
          methods.append(' ').append(method);
        }
        methods.append('\n');
      }
      lines++;
    }

    byte[] toBytes() {
      String head = TASK + " " + task + " " + lines + " " + nanos + " " + printable(worker) + "\n";
      return (head + methods).getBytes(StandardCharsets.UTF_8);
    }
  }

  private static String printable(String worker) {
    StringBuilder out = new StringBuilder(worker.length());
    for (int i = 0; i < worker.length(); i++) {
      char c = worker.charAt(i);
      out.append(c < ' ' || c == 0x7f ? '?' : c);
    }
    return out.isEmpty() ? "?" : out.toString();
  }
}
