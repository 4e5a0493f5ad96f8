package io.factorfleet.aggregator.service;

import io.factorfleet.wire.SealMessage;
import io.factorfleet.wire.TaskMessage;
import io.factorfleet.wire.UnitResultMessage;

/**
 * What the spool records of one reply: a task's {@link TaskRecord}, a job's seal, a hard number to
 * coordinate, or an answer to one of a hard number's units.
 */
sealed interface SpoolEntry
    permits TaskRecord, SpoolEntry.Seal, SpoolEntry.HardNumber, SpoolEntry.UnitAnswer {
  String job();

  /** A job's seal. */
  record Seal(SealMessage message) implements SpoolEntry {
    @Override
    public String job() {
      return message.job();
    }
  }

  /**
   * A task of one hard number: kept in the job's journal until its answer is, so that a restarted
   * service coordinates it again.
   *
   * @param number the number, a canonical decimal
   */
  record HardNumber(String job, long task, String number) implements SpoolEntry {
    static HardNumber of(TaskMessage message) {
      return new HardNumber(message.job(), message.task(), message.numbers().get(0));
    }
  }

  /**
   * An answer to a unit of a hard number, kept in the number's relation file while the number is
   * coordinated.
   *
   * @param line the answer as the worker wrote it, on one line (see {@link RelationFile})
   */
  record UnitAnswer(UnitResultMessage message, byte[] line) implements SpoolEntry {
    @Override
    public String job() {
      return message.job();
    }
  }

  /**
   * What became of an entry: recorded, a duplicate, a seal taken; or refused, with the reason, when
   * it belongs to no task of its job.
   */
  record Recording(io.factorfleet.aggregator.Aggregator.Outcome outcome, String refusal) {
    static Recording of(io.factorfleet.aggregator.Aggregator.Outcome outcome) {
      return new Recording(outcome, null);
    }

    static Recording refused(String reason) {
      return new Recording(null, reason);
    }

    boolean isRefused() {
      return refusal != null;
    }
  }
}
