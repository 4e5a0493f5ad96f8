package io.factorfleet.cli;

import io.factorfleet.cli.output.OrderedOutput;
import io.factorfleet.control.FleetCapacity;

/**
 * A {@code fleet factor} job as its control tells it: its progress from the output, its window
 * sized from the fleet's prefetch unless {@code --max-in-flight} fixes it, and a cancel failing the
 * output, which wakes whoever waits on it.
 */
final class JobState implements JobControl.Owner {
  private final String job;
  private final OrderedOutput output;
  private final int maxInFlight;
  private volatile long total;
  private volatile int fleetPrefetch;

  /**
   * @param total numbers in the job when known from the start, otherwise -1
   * @param maxInFlight the fixed window, or 0 to size it from the fleet
   */
  JobState(String job, OrderedOutput output, long total, int maxInFlight) {
    this.job = job;
    this.output = output;
    this.total = total;
    this.maxInFlight = maxInFlight;
  }

  /** The tasks the workers heard from last take at once, or 0 before any has answered. */
  int fleetPrefetch() {
    return fleetPrefetch;
  }

  /** Every number is read: the job has this many. */
  void fed(long numbers) {
    total = numbers;
  }

  @Override
  public long done() {
    return output.numbersAnswered();
  }

  @Override
  public long total() {
    return total;
  }

  @Override
  public void cancelled(String by) {
    output.fail(new JobCancelledException(job, by));
  }

  @Override
  public void fleetPrefetch(int prefetch) {
    fleetPrefetch = prefetch;
    if (maxInFlight == 0) {
      output.resize(FleetCapacity.window(prefetch, FleetFactoring.MAX_WINDOW));
    }
  }
}
