package io.factorfleet.cli.status;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fixed-width tables {@code fleet status} prints: queue names left-aligned in a column as wide
 * as the longest, figures right-aligned in columns of ten, {@code -} for a queue that does not
 * exist.
 */
public final class StatusTable {
  private static final String FIGURE = " %10s";
  private static final String ABSENT = "-";

  private StatusTable() {}

  /** The table of the management API: counts and rates of each queue, then the jobs in flight. */
  public static void print(PrintWriter out, FleetQueueStats stats) {
    List<String> names = new ArrayList<>();
    stats.queues().forEach(queue -> names.add(queue.name()));
    stats.jobQueues().forEach(queue -> names.add(queue.name()));
    String row = nameColumn(names) + FIGURE.repeat(5) + "%n";
    out.printf(row, "QUEUE", "READY", "UNACKED", "CONSUMERS", "PUBLISH/S", "DELIVER/S");
    stats.queues().forEach(queue -> printRow(out, row, queue));
    out.printf("jobs in flight: %d%n", stats.jobsInFlight());
    stats.jobQueues().forEach(queue -> printRow(out, row, queue));
    long unlisted = stats.jobsInFlight() - stats.jobQueues().size();
    if (unlisted > 0) {
      out.printf("(%d more job reply queues not listed)%n", unlisted);
    }
    out.flush();
  }

  /** The table of passive declares over AMQP: messages ready and consumers of each queue. */
  public static void printDepths(PrintWriter out, List<QueueDepth> depths) {
    String row =
        nameColumn(depths.stream().map(QueueDepth::name).toList()) + FIGURE.repeat(2) + "%n";
    out.printf(row, "QUEUE", "MESSAGES", "CONSUMERS");
    for (QueueDepth depth : depths) {
      if (depth.declared()) {
        out.printf(row, depth.name(), depth.messages(), depth.consumers());
      } else {
        out.printf(row, depth.name(), ABSENT, ABSENT);
      }
    }
    out.flush();
  }

  private static void printRow(PrintWriter out, String row, QueueStats queue) {
    if (!queue.declared()) {
      out.printf(row, queue.name(), ABSENT, ABSENT, ABSENT, ABSENT, ABSENT);
      return;
    }
    out.printf(
        row,
        queue.name(),
        queue.ready(),
        queue.unacked(),
        queue.consumers(),
        rate(queue.publishRate()),
        rate(queue.deliverRate()));
  }

  private static String nameColumn(List<String> names) {
    int width = Math.max("QUEUE".length(), names.stream().mapToInt(String::length).max().orElse(0));
    return "%-" + width + "s";
  }

  private static String rate(double perSecond) {
    return String.format(Locale.ROOT, "%.1f", perSecond);
  }
}
