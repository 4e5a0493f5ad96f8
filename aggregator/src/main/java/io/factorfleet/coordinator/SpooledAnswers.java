package io.factorfleet.coordinator;

import io.factorfleet.wire.UnitResultMessage;
import java.io.IOException;
import java.util.List;

/**
 * The answers to a hard number's units kept before its coordinator started on it, such as those the
 * aggregator service spooled before it was killed: the coordinator counts them again before it
 * hands out a unit, so that the work they did is not done twice.
 */
@FunctionalInterface
public interface SpooledAnswers {
  /** Nothing kept: every number starts afresh, as in {@code fleet factor}. */
  SpooledAnswers NONE = (job, number) -> List.of();

  /** The answers kept for the number of task {@code number} of {@code job}, in the order kept. */
  List<UnitResultMessage> of(String job, long number) throws IOException;
}
