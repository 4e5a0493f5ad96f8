package io.factorfleet.coordinator;

import io.factorfleet.wire.UnitMessage;
import java.io.IOException;

/** Where a coordinator's units go: the task queue, and the workers' control exchange. */
public interface UnitSender {
  /** Publishes a unit on the task queue, its answer to come back to the coordinator. */
  void send(UnitMessage unit) throws IOException, InterruptedException;

  /**
   * Tells the workers that the units of a number with an index below {@code below} are no longer
   * wanted: those queued are dropped, those running stop.
   */
  void unitsDone(String job, long number, long below) throws IOException;
}
