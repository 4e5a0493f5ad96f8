package io.factorfleet.metrics;

import java.time.Duration;
import java.util.function.IntSupplier;

/** Records nothing: for the command line's embedded aggregator, and for tests. */
public final class NoOpFleetMetrics implements FleetMetrics {
  @Override
  public void taskConsumed(Duration queueWait) {}

  @Override
  public void taskAcked() {}

  @Override
  public void taskRequeued() {}

  @Override
  public void taskDeadLettered() {}

  @Override
  public void taskFactored(int numbers, Duration factoring) {}

  @Override
  public void tasksInFlight(IntSupplier inFlight) {}

  @Override
  public void unitRun(int relations) {}

  @Override
  public void resultRecorded() {}

  @Override
  public void duplicateDropped() {}

  @Override
  public void replyDeadLettered() {}

  @Override
  public void jobCompleted() {}
}
