package io.factorfleet.aggregator;

import io.factorfleet.wire.ResultMessage;
import io.factorfleet.wire.SealMessage;
import io.factorfleet.wire.UnitResultMessage;
import java.io.IOException;

/**
 * Where verified results go: the CLI's ordered output, or the aggregator service's files. The
 * aggregator calls a sink from one thread at a time.
 */
public interface ResultSink {
  /**
   * Records the result of one task.
   *
   * @return false when this task's result was recorded before, so this one is a duplicate
   * @throws UnknownTaskException when the result belongs to no task this sink expects
   */
  boolean accept(ResultMessage result) throws IOException;

  /** Records how many tasks the job has; it is complete once that many results are recorded. */
  void seal(SealMessage seal) throws IOException;

  /**
   * Takes a worker's answer to a unit of one of the job's hard numbers.
   *
   * @return false when no hard number waits for it any more (it came late), so it is dropped
   * @throws UnknownTaskException when this sink splits no hard numbers
   */
  default boolean acceptUnit(UnitResultMessage answer) throws IOException {
    throw new UnknownTaskException(
        "an answer to unit "
            + answer.unit()
            + " of number "
            + answer.number()
            + " of job "
            + answer.job()
            + ", but no hard number is split here");
  }

  /** A result this sink cannot place: another job's, or an index past the job's end. */
  final class UnknownTaskException extends RuntimeException {
    public UnknownTaskException(String message) {
      super(message);
    }
  }
}
