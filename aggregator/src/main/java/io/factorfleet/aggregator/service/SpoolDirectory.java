package io.factorfleet.aggregator.service;

import io.factorfleet.aggregator.ResultLines;
import io.factorfleet.aggregator.ResultSink;
import io.factorfleet.metrics.FleetMetrics;
import io.factorfleet.wire.NumberResult;
import io.factorfleet.wire.ResultMessage;
import io.factorfleet.wire.SealMessage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The aggregator service's store. Each task's lines are written to a part file of their own
 * (atomically, before the reply is acknowledged), so a restart loses nothing and a redelivered
 * reply is recognised as a duplicate by its part file. Once a job is sealed and every part is
 * there, the parts are joined in task order into {@code <job>.txt}, and the errors, if any, into
 * {@code <job>.errors.txt}.
 */
public final class SpoolDirectory implements ResultSink {
  private static final Logger log = LoggerFactory.getLogger(SpoolDirectory.class);
  private static final String SPOOL = ".spool";
  private static final String SEAL_FILE = "seal";
  private static final String PART_SUFFIX = ".part";

  /** Marks an error line in a part file; a {@code factor} line starts with a digit. */
  private static final char ERROR_MARK = '!';

  private final Path dataDir;
  private final FleetMetrics metrics;
  private final Map<String, JobState> jobs = new HashMap<>();
  private long jobsCompleted;

  public SpoolDirectory(Path dataDir) throws IOException {
    this(dataDir, FleetMetrics.NONE);
  }

  /**
   * @param metrics where completed jobs are counted
   */
  public SpoolDirectory(Path dataDir, FleetMetrics metrics) throws IOException {
    this.dataDir = dataDir;
    this.metrics = metrics;
    Files.createDirectories(dataDir.resolve(SPOOL));
  }

  /** Finishes jobs whose last part was written just before a crash. */
  public void recover() throws IOException {
    try (Stream<Path> spooled = Files.list(dataDir.resolve(SPOOL))) {
      for (Path dir : spooled.toList()) {
        completeIfDone(dir.getFileName().toString(), state(dir.getFileName().toString()));
      }
    }
  }

  /** The output file of a job. */
  public Path outputOf(String job) {
    return dataDir.resolve(job + ".txt");
  }

  /** The error file of a job; it exists only when some number could not be factored. */
  public Path errorsOf(String job) {
    return dataDir.resolve(job + ".errors.txt");
  }

  public long jobsCompleted() {
    return jobsCompleted;
  }

  @Override
  public boolean accept(ResultMessage result) throws IOException {
    if (Files.exists(outputOf(result.job()))) {
      return false;
    }
    JobState state = state(result.job());
    if (state.sealedTasks >= 0 && result.task() >= state.sealedTasks) {
      throw new UnknownTaskException(
          "job "
              + result.job()
              + " has "
              + state.sealedTasks
              + " tasks, not "
              + (result.task() + 1));
    }
    if (result.task() > Integer.MAX_VALUE) {
      throw new UnknownTaskException("task index " + result.task() + " is out of range");
    }
    int task = (int) result.task();
    if (state.received.get(task)) {
      return false;
    }
    Path part = spoolOf(result.job()).resolve(task + PART_SUFFIX);
    writeAtomically(part, partLines(result));
    state.received.set(task);
    completeIfDone(result.job(), state);
    return true;
  }

  @Override
  public void seal(SealMessage seal) throws IOException {
    if (Files.exists(outputOf(seal.job()))) {
      return;
    }
    JobState state = state(seal.job());
    if (state.received.length() > seal.tasks()) {
      throw new UnknownTaskException(
          "seal of job " + seal.job() + " says " + seal.tasks() + " tasks, but more arrived");
    }
    writeAtomically(
        spoolOf(seal.job()).resolve(SEAL_FILE), List.of(seal.tasks() + " " + seal.numbers()));
    state.sealedTasks = seal.tasks();
    completeIfDone(seal.job(), state);
  }

  private static List<String> partLines(ResultMessage result) {
    List<String> lines = new ArrayList<>(result.results().size());
    for (NumberResult r : result.results()) {
      lines.add(
          r.isComplete() ? ResultLines.factorLine(r) : ERROR_MARK + ResultLines.errorMessage(r));
    }
    return lines;
  }

  private void completeIfDone(String job, JobState state) throws IOException {
    if (state.sealedTasks < 0 || state.received.cardinality() < state.sealedTasks) {
      return;
    }
    Path spool = spoolOf(job);
    Path output = outputOf(job);
    Path errors = errorsOf(job);
    Path outputTmp = spool.resolve("output.tmp");
    Path errorsTmp = spool.resolve("errors.tmp");
    long lines = 0;
    long errorLines = 0;
    try (BufferedWriter out = Files.newBufferedWriter(outputTmp, StandardCharsets.UTF_8);
        BufferedWriter err = Files.newBufferedWriter(errorsTmp, StandardCharsets.UTF_8)) {
      for (long task = 0; task < state.sealedTasks; task++) {
        for (String line : Files.readAllLines(spool.resolve(task + PART_SUFFIX))) {
          if (!line.isEmpty() && line.charAt(0) == ERROR_MARK) {
            err.write(line, 1, line.length() - 1);
            err.newLine();
            errorLines++;
          } else {
            out.write(line);
            out.newLine();
            lines++;
          }
        }
      }
    }
    if (errorLines > 0) {
      Files.move(errorsTmp, errors, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(outputTmp, output, StandardCopyOption.ATOMIC_MOVE);
    deleteTree(spool);
    jobs.remove(job);
    jobsCompleted++;
    metrics.jobCompleted();
    log.info(
        "job {} complete: {} numbers in {} tasks, {} errors, written to {}",
        job,
        lines + errorLines,
        state.sealedTasks,
        errorLines,
        output);
  }

  private JobState state(String job) throws IOException {
    JobState state = jobs.get(job);
    if (state != null) {
      return state;
    }
    state = new JobState();
    Path spool = spoolOf(job);
    if (Files.isDirectory(spool)) {
      try (Stream<Path> files = Files.list(spool)) {
        for (Path file : files.toList()) {
          String name = file.getFileName().toString();
          if (name.endsWith(PART_SUFFIX)) {
            state.received.set(
                Integer.parseInt(name.substring(0, name.length() - PART_SUFFIX.length())));
          }
        }
      }
      Path seal = spool.resolve(SEAL_FILE);
      if (Files.exists(seal)) {
        state.sealedTasks = Long.parseLong(Files.readString(seal).trim().split(" ")[0]);
      }
    }
    jobs.put(job, state);
    return state;
  }

  private Path spoolOf(String job) {
    return dataDir.resolve(SPOOL).resolve(job);
  }

  private static void writeAtomically(Path file, List<String> lines) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(tmp, lines, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Everything known about a job still being collected. */
  private static final class JobState {
    final BitSet received = new BitSet();
    long sealedTasks = -1;
  }
}
