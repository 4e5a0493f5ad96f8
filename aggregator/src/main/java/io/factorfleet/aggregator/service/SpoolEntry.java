package io.factorfleet.aggregator.service;

import io.factorfleet.wire.SealMessage;

/** What the spool records of one reply: a task's {@link TaskRecord}, or a job's seal. */
sealed interface SpoolEntry permits TaskRecord, SpoolEntry.Seal {
  String job();

  /** A job's seal. */
  record Seal(SealMessage message) implements SpoolEntry {
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
