package io.factorfleet.aggregator.service;

import java.util.Locale;

/**
 * What the service knows of a job.
 *
 * @param job the job's id
 * @param state running, written or unknown
 * @param tasksRecorded tasks whose results are recorded
 * @param tasks tasks the job has, or -1 while the seal has not come
 * @param numbersRecorded numbers whose results are recorded, factored or not
 * @param numbers numbers the job has, or -1 while the seal has not come
 * @param errors numbers recorded that were not factored
 */
public record JobStatus(
    String job,
    State state,
    long tasksRecorded,
    long tasks,
    long numbersRecorded,
    long numbers,
    long errors) {
  /** Where a job stands. */
  public enum State {
    /** Results are being collected. */
    RUNNING,
    /** Every result is in, and the output is written. */
    WRITTEN,
    /** No message of the job has come, or its results were deleted. */
    UNKNOWN;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  static JobStatus unknown(String job) {
    return new JobStatus(job, State.UNKNOWN, 0, -1, 0, -1, 0);
  }

  /**
   * {@code {"job":"…","state":"running","tasksRecorded":3,"tasks":-1,…}}: the job id is one of the
   * wire format's, letters, digits and {@code ._-}, so it needs no escaping.
   */
  public String toJson() {
    return "{\"job\":\""
        + job
        + "\",\"state\":\""
        + state.label()
        + "\",\"tasksRecorded\":"
        + tasksRecorded
        + ",\"tasks\":"
        + tasks
        + ",\"numbersRecorded\":"
        + numbersRecorded
        + ",\"numbers\":"
        + numbers
        + ",\"errors\":"
        + errors
        + "}";
  }
}
