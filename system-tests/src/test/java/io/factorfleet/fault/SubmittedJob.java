package io.factorfleet.fault;

import io.factorfleet.aggregator.service.SpoolDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A job handed to the aggregator service with {@code fleet submit}, and what its data directory
 * shows of it: the tasks recorded in its spool while it runs, {@code <job>.txt} once it is
 * complete.
 *
 * @param id the job id {@code fleet submit} printed
 * @param numbers the numbers submitted, in order
 * @param tasks how many tasks they were cut into
 * @param dataDir the aggregator service's data directory
 */
public record SubmittedJob(String id, List<String> numbers, long tasks, Path dataDir) {
  public Path output() {
    return dataDir.resolve(id + ".txt");
  }

  public Path errors() {
    return dataDir.resolve(id + ".errors.txt");
  }

  public boolean isComplete() {
    return Files.exists(output());
  }

  /**
   * Tasks whose results the aggregator service has written down so far: the whole records in its
   * spool, what a service started now would find.
   */
  public long tasksRecorded() {
    if (isComplete()) {
      return tasks;
    }
    try {
      long recorded = SpoolDirectory.tasksRecorded(dataDir, id);
      return recorded == 0 && isComplete() ? tasks : recorded;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The share of the tasks recorded so far, from 0 to 1. */
  public double shareRecorded() {
    return (double) tasksRecorded() / tasks;
  }

  /** Whether at least this share of the tasks is recorded. */
  public boolean isPast(double share) {
    return tasksRecorded() >= Math.ceil(share * tasks);
  }

  public String outputText() throws IOException {
    return Files.readString(output(), StandardCharsets.UTF_8);
  }
}
