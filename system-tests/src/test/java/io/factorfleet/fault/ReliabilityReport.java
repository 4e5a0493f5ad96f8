package io.factorfleet.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of each fault scenario, written to {@code system-tests/target/reliability-report.md}
 * after each one, so that a run leaves a table of what was injected and what was counted.
 */
final class ReliabilityReport {
  private static final Map<Integer, Row> ROWS = new TreeMap<>();

  private ReliabilityReport() {}

  /**
   * One scenario's figures; a count of -1 means it could not be known (its process was killed).
   *
   * @param scenario its number in docs/reliability.md
   * @param injected what was done to the fleet
   * @param numbers numbers in the job
   * @param tasks tasks published for it
   * @param resultsRecorded results recorded by aggregator services that reported on stopping
   * @param duplicatesDropped duplicate results those services dropped
   * @param deadLettered messages in the dead-letter queue at the end
   * @param workerAnswers tasks answered, as reported by workers stopped with SIGTERM
   * @param seconds from the job's submission to its completion
   */
  record Row(
      int scenario,
      String injected,
      long numbers,
      long tasks,
      long resultsRecorded,
      long duplicatesDropped,
      long deadLettered,
      long workerAnswers,
      double seconds) {}

  static synchronized void record(Row row) {
    ROWS.put(row.scenario(), row);
    write(FleetJars.repositoryRoot().resolve("system-tests/target/reliability-report.md"));
  }

  private static void write(Path file) {
    StringBuilder md = new StringBuilder();
    md.append("# Reliability figures of the last fault-test run\n\n")
        .append(
            "| # | injected | numbers | tasks | results recorded | duplicates dropped |"
                + " dead-lettered | worker answers | seconds |\n")
        .append("|---|---|---|---|---|---|---|---|---|\n");
    ROWS.values().stream()
        .sorted(Comparator.comparingInt(Row::scenario))
        .forEach(
            r ->
                md.append(
                    String.format(
                        "| %d | %s | %d | %d | %s | %s | %s | %s | %.1f |%n",
                        r.scenario(),
                        r.injected(),
                        r.numbers(),
                        r.tasks(),
                        count(r.resultsRecorded()),
                        count(r.duplicatesDropped()),
                        count(r.deadLettered()),
                        count(r.workerAnswers()),
                        r.seconds())));
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String count(long value) {
    return value < 0 ? "n/a" : Long.toString(value);
  }
}
