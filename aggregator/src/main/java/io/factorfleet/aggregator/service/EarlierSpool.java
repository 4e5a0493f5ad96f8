package io.factorfleet.aggregator.service;

import io.factorfleet.wire.SealMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes over a job an earlier build was collecting when it was upgraded: that build kept a part
 * file per task ({@code <task>.part}, its lines, an error line marked with {@code !}) and a {@code
 * seal} file ({@code TASKS NUMBERS}) in the job's spool directory. They are copied into the job's
 * journal, made durable, then deleted.
 */
final class EarlierSpool {
  private static final Logger log = LoggerFactory.getLogger(EarlierSpool.class);
  private static final String PART_SUFFIX = ".part";
  private static final String SEAL_FILE = "seal";
  private static final char ERROR_MARK = '!';

  private EarlierSpool() {}

  /** Converts the parts and seal in the job's spool directory {@code dir}, if there are any. */
  static void convert(Path dir) throws IOException {
    List<Path> parts;
    try (Stream<Path> files = Files.list(dir)) {
      parts = files.filter(f -> f.getFileName().toString().endsWith(PART_SUFFIX)).toList();
    }
    Path sealFile = dir.resolve(SEAL_FILE);
    if (parts.isEmpty() && !Files.exists(sealFile)) {
      return;
    }
    String job = dir.getFileName().toString();
    try (JobJournal journal = JobJournal.open(dir)) {
      for (Path part : parts) {
        String name = part.getFileName().toString();
        long task = Long.parseLong(name.substring(0, name.length() - PART_SUFFIX.length()));
        if (!journal.hasTask(task)) {
          TaskRecord record = record(job, task, Files.readAllLines(part, StandardCharsets.UTF_8));
          journal.append(record);
          journal.noteTask(record);
        }
      }
      if (Files.exists(sealFile) && journal.sealedTasks() < 0) {
        String[] seal = Files.readString(sealFile, StandardCharsets.US_ASCII).trim().split(" ");
        journal.append(SealMessage.of(job, Long.parseLong(seal[0]), Long.parseLong(seal[1])));
      }
      journal.force();
    }
    for (Path part : parts) {
      Files.delete(part);
    }
    Files.deleteIfExists(sealFile);
    log.info(
        "job {}: {} tasks an earlier build recorded taken into its journal", job, parts.size());
  }

  private static TaskRecord record(String job, long task, List<String> lines) {
    StringBuilder factored = new StringBuilder();
    StringBuilder errors = new StringBuilder();
    int errorCount = 0;
    for (String line : lines) {
      if (!line.isEmpty() && line.charAt(0) == ERROR_MARK) {
        errors.append(line, 1, line.length()).append('\n');
        errorCount++;
      } else {
        factored.append(line).append('\n');
      }
    }
    TaskInfo.Writer info = TaskInfo.writer(task, "?", 0);
    for (int i = 0; i < lines.size() - errorCount; i++) {
      info.line(null);
    }
    return new TaskRecord(
        job,
        task,
        lines.size(),
        errorCount,
        factored.toString().getBytes(StandardCharsets.UTF_8),
        errors.toString().getBytes(StandardCharsets.UTF_8),
        info.toBytes());
  }
}
