package io.factorfleet.aggregator.service;

import io.factorfleet.results.JobStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jobs written to the data directory: {@code <job>.txt}, {@code <job>.errors.txt} when some
 * number was not factored, and {@code .jobs/<job>.info}, the job's counts and {@link TaskInfo}; and
 * the jobs that failed, each {@code .jobs/<job>.failed} with the reason. They are kept until
 * deleted on request or, with a keep-for limit, once older than it.
 */
final class FinishedJobs {
  private static final Logger log = LoggerFactory.getLogger(FinishedJobs.class);
  private static final String INFO_DIR = ".jobs";
  private static final String OUTPUT_SUFFIX = ".txt";
  private static final String ERRORS_SUFFIX = ".errors.txt";
  private static final String FAILED_SUFFIX = ".failed";

  /** Opens the first line of an info file: {@code job TASKS NUMBERS ERRORS}. */
  static final String INFO_HEAD = "job";

  private final Path dataDir;

  FinishedJobs(Path dataDir) throws IOException {
    this.dataDir = dataDir;
    Files.createDirectories(dataDir.resolve(INFO_DIR));
  }

  Path outputOf(String job) {
    return dataDir.resolve(job + OUTPUT_SUFFIX);
  }

  Path errorsOf(String job) {
    return dataDir.resolve(job + ERRORS_SUFFIX);
  }

  Path infoOf(String job) {
    return dataDir.resolve(INFO_DIR).resolve(job + ".info");
  }

  Path infoDir() {
    return dataDir.resolve(INFO_DIR);
  }

  boolean isWritten(String job) {
    return Files.exists(outputOf(job));
  }

  private Path failureOf(String job) {
    return infoDir().resolve(job + FAILED_SUFFIX);
  }

  /** Why {@code job} failed, or null when it has not. */
  String failure(String job) throws IOException {
    try {
      return Files.readString(failureOf(job), StandardCharsets.UTF_8).strip();
    } catch (NoSuchFileException notFailed) {
      return null;
    }
  }

  /** Records durably that {@code job} failed, and why. */
  void markFailed(String job, String reason) throws IOException {
    Path tmp = infoDir().resolve(job + FAILED_SUFFIX + ".tmp");
    try (FileChannel file =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      ByteBuffer bytes = ByteBuffer.wrap((reason + "\n").getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        file.write(bytes);
      }
      file.force(false);
    }
    Files.move(tmp, failureOf(job), StandardCopyOption.ATOMIC_MOVE);
    Durability.forceDirectory(infoDir());
  }

  /**
   * The status of a written job, from the first line of its info; tasks and numbers -1 for a job an
   * earlier build wrote, without info.
   */
  JobStatus status(String job) throws IOException {
    try (BufferedReader info = Files.newBufferedReader(infoOf(job), StandardCharsets.UTF_8)) {
      String[] head = String.valueOf(info.readLine()).split(" ");
      if (head.length == 4 && head[0].equals(INFO_HEAD)) {
        long tasks = Long.parseLong(head[1]);
        long numbers = Long.parseLong(head[2]);
        return new JobStatus(
            job, JobStatus.State.WRITTEN, tasks, tasks, numbers, numbers, Long.parseLong(head[3]));
      }
    } catch (NoSuchFileException | NumberFormatException noInfo) {
      // written by an earlier build
    }
    long errors = Files.exists(errorsOf(job)) ? countLines(errorsOf(job)) : 0;
    return new JobStatus(job, JobStatus.State.WRITTEN, -1, -1, -1, -1, errors);
  }

  private static long countLines(Path file) throws IOException {
    try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
      return lines.count();
    }
  }

  /**
   * Deletes a written job's files, the output first so that it stops being written at once.
   *
   * @return whether there was such a job
   */
  boolean delete(String job) throws IOException {
    boolean existed = Files.deleteIfExists(outputOf(job));
    Files.deleteIfExists(errorsOf(job));
    existed |= Files.deleteIfExists(infoOf(job));
    existed |= Files.deleteIfExists(failureOf(job));
    return existed;
  }

  /**
   * Deletes the jobs written, or failed, more than {@code keepFor} before {@code now}, by the time
   * their output or failure was last modified, and logs each; returns them.
   */
  List<String> deleteOlderThan(Duration keepFor, Instant now) throws IOException {
    Instant limit = now.minus(keepFor);
    List<String> old = new ArrayList<>();
    try (DirectoryStream<Path> outputs = Files.newDirectoryStream(dataDir, "*" + OUTPUT_SUFFIX)) {
      for (Path output : outputs) {
        String name = output.getFileName().toString();
        if (name.endsWith(ERRORS_SUFFIX)) {
          continue;
        }
        try {
          if (Files.getLastModifiedTime(output).toInstant().isBefore(limit)) {
            old.add(name.substring(0, name.length() - OUTPUT_SUFFIX.length()));
          }
        } catch (NoSuchFileException deletedMeanwhile) {
          // gone already
        }
      }
    }
    try (DirectoryStream<Path> failures =
        Files.newDirectoryStream(infoDir(), "*" + FAILED_SUFFIX)) {
      for (Path failure : failures) {
        String name = failure.getFileName().toString();
        try {
          if (Files.getLastModifiedTime(failure).toInstant().isBefore(limit)) {
            old.add(name.substring(0, name.length() - FAILED_SUFFIX.length()));
          }
        } catch (NoSuchFileException deletedMeanwhile) {
          // gone already
        }
      }
    }
    for (String job : old) {
      delete(job);
      log.info("job {} deleted: written more than {} ago (--keep-for)", job, keepFor);
    }
    return old;
  }
}
