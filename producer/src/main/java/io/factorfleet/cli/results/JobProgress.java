package io.factorfleet.cli.results;

/**
 * A submitted job as the aggregator service reports it.
 *
 * @param job the job's id
 * @param state {@code running}, {@code written}, {@code failed} or {@code unknown}
 * @param tasksRecorded tasks whose results are recorded
 * @param tasks tasks in the job, or -1 while the service does not know yet
 * @param numbersRecorded numbers whose results are recorded, factored or not
 * @param numbers numbers in the job, or -1 while the service does not know yet
 * @param errors numbers recorded that were not factored
 * @param reason why the job failed; null unless it did
 */
public record JobProgress(
    String job,
    String state,
    long tasksRecorded,
    long tasks,
    long numbersRecorded,
    long numbers,
    long errors,
    String reason) {
  public static final String RUNNING = "running";
  public static final String WRITTEN = "written";
  public static final String FAILED = "failed";
  public static final String UNKNOWN = "unknown";

  public boolean isWritten() {
    return WRITTEN.equals(state);
  }

  /** Whether the service gave up on the job; {@link #reason()} says why. */
  public boolean isFailed() {
    return FAILED.equals(state);
  }

  public boolean isUnknown() {
    return UNKNOWN.equals(state);
  }

  /** {@code 1,200 of 3,000 tasks recorded}, or {@code 1,200 tasks recorded} before the seal. */
  public String recorded() {
    return String.format(
        java.util.Locale.ROOT,
        tasks < 0 ? "%,d tasks recorded" : "%,d of %,d tasks recorded",
        tasksRecorded,
        tasks);
  }
}
