package io.factorfleet.aggregator.service;

import io.factorfleet.aggregator.Aggregator.Outcome;
import io.factorfleet.aggregator.service.SpoolEntry.Recording;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answers to units of hard numbers in one batch of the spool: appended to their numbers'
 * relation files, then made durable with one force per file, or cut off again with the batch.
 */
final class AnswerBatch {
  private static final Logger log = LoggerFactory.getLogger(AnswerBatch.class);

  /** A relation file the batch wrote to: its job, and its length before the batch. */
  private record Touched(String job, long size) {}

  private final Map<RelationFile, Touched> touched = new LinkedHashMap<>();

  /**
   * Appends an answer to the relation file of its number. An answer for a number not waiting for
   * one (answered already, or of a job not being collected: written, cancelled, failed or unknown)
   * is dropped: such answers are normal once a number is done. When the file cannot be opened or
   * written, its job is put in {@code failing} and the answer refused (null).
   *
   * @param journal the journal of the answer's job, or null when the job is not being collected
   */
  Recording place(SpoolEntry.UnitAnswer answer, JobJournal journal, Map<String, String> failing) {
    long number = answer.message().number();
    if (journal == null || failing.containsKey(answer.job()) || !journal.hasHardNumber(number)) {
      log.debug(
          "dropping an answer to unit {} of number {} of job {}: no such number is coordinated",
          answer.message().unit(),
          number,
          answer.job());
      return Recording.of(Outcome.DROPPED);
    }
    try {
      RelationFile file = journal.relationFile(number);
      touched.putIfAbsent(file, new Touched(answer.job(), file.size()));
      file.append(answer.line());
      return Recording.of(Outcome.UNIT);
    } catch (IOException e) {
      failing.put(answer.job(), "the relation file of its number " + number + " failed: " + e);
      return null;
    }
  }

  /**
   * Makes the answers durable, one force per file; a job whose file fails goes to {@code failing}.
   */
  void force(Map<String, String> failing) {
    touched.forEach(
        (file, at) -> {
          if (!failing.containsKey(at.job())) {
            try {
              file.force();
            } catch (IOException e) {
              failing.put(at.job(), "a relation file cannot be made durable: " + e);
            }
          }
        });
  }

  /** Cuts the batch's answers off again in the files of the jobs that {@code jobs} accepts. */
  void rollBack(Predicate<String> jobs) {
    touched.forEach(
        (file, at) -> {
          if (jobs.test(at.job())) {
            try {
              file.rollBack(at.size());
            } catch (IOException e) {
              log.error(
                  "cannot cut a relation file of job {} back after a failed write", at.job(), e);
            }
          }
        });
  }
}
