package io.factorfleet.cli.progress;

import java.io.Writer;

/**
 * Whether and where a command shows its progress. Decided once, by the program's {@code main}: only
 * when standard error is a terminal, never into pipes, files or tests.
 */
@FunctionalInterface
public interface Progress {
  /** Shows nothing. */
  Progress NONE = (terminal, total) -> StatusLine.off();

  /**
   * A status line for one job, not yet started.
   *
   * @param terminal standard error
   * @param total numbers in the job, or a negative number when unknown
   */
  StatusLine line(Writer terminal, long total);

  /** Progress on a terminal of {@code width} columns. */
  static Progress onTerminal(int width) {
    return (terminal, total) -> StatusLine.on(terminal, width, total);
  }
}
