package io.factorfleet.cli.jobs;

import io.factorfleet.wire.ControlMessage.JobStatus;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The table {@code fleet jobs} prints: one line per job, oldest first. */
public final class JobsTable {
  private static final String FORMAT = "%-36s  %-20s  %-7s  %12s  %12s  %10s  %8s  %8s%n";

  private JobsTable() {}

  /**
   * One status per job: a submitted job may answer twice, from its command line while it still
   * publishes and from the aggregator service collecting its results; the one further on counts,
   * with what either knows of the total and of where it was started.
   */
  public static List<JobStatus> merge(List<JobStatus> answers) {
    Map<String, JobStatus> byJob = new LinkedHashMap<>();
    for (JobStatus answer : answers) {
      byJob.merge(answer.job(), answer, JobsTable::combine);
    }
    List<JobStatus> jobs = new ArrayList<>(byJob.values());
    jobs.sort(Comparator.comparingLong(JobStatus::startedMillis).thenComparing(JobStatus::job));
    return jobs;
  }

  private static JobStatus combine(JobStatus a, JobStatus b) {
    return new JobStatus(
        a.job(),
        known(a.host()) ? a.host() : b.host(),
        a.command(),
        Math.max(a.done(), b.done()),
        Math.max(a.total(), b.total()),
        Math.min(a.startedMillis(), b.startedMillis()));
  }

  private static boolean known(String text) {
    return text != null && !text.isEmpty() && !text.equals("-");
  }

  public static void print(PrintWriter out, List<JobStatus> jobs, long nowMillis) {
    if (jobs.isEmpty()) {
      out.println("no job in flight");
      return;
    }
    out.printf(
        Locale.ROOT, FORMAT, "JOB", "HOST", "COMMAND", "DONE", "TOTAL", "RATE/S", "AGE", "ETA");
    for (JobStatus job : jobs) {
      long ageMillis = Math.max(0, nowMillis - job.startedMillis());
      double rate = ageMillis == 0 ? 0 : job.done() * 1000.0 / ageMillis;
      out.printf(
          Locale.ROOT,
          FORMAT,
          job.job(),
          job.host(),
          job.command(),
          count(job.done()),
          job.total() < 0 ? "-" : count(job.total()),
          count(Math.round(rate)),
          duration(ageMillis / 1000),
          job.total() < 0 || rate <= 0
              ? "-"
              : duration((long) Math.ceil(Math.max(0, job.total() - job.done()) / rate)));
    }
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** {@code 45s}, {@code 2m05s}, {@code 1h02m}. */
  static String duration(long seconds) {
    if (seconds < 60) {
      return seconds + "s";
    }
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
  }
}
