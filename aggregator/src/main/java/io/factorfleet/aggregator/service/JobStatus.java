package io.factorfleet.aggregator.service;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.Locale;

/**
 * What the service knows of a job.
 *
 * @param job the job's id
 * @param state running, written, failed or unknown
 * @param tasksRecorded tasks whose results are recorded
 * @param tasks tasks the job has, or -1 while the seal has not come
 * @param numbersRecorded numbers whose results are recorded, factored or not
 * @param numbers numbers the job has, or -1 while the seal has not come
 * @param errors numbers recorded that were not factored
 * @param reason why the job failed; null unless it did
 */
public record JobStatus(
    String job,
    State state,
    long tasksRecorded,
    long tasks,
    long numbersRecorded,
    long numbers,
    long errors,
    String reason) {
  /** Where a job stands. */
  public enum State {
    /** Results are being collected. */
    RUNNING,
    /** Every result is in, and the output is written. */
    WRITTEN,
    /**
     * The job cannot be written: its replies contradict each other, or its journal cannot be
     * written. Its later replies go to the dead-letter queue.
     */
    FAILED,
    /** No message of the job has come, or its results were deleted. */
    UNKNOWN;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A job being collected or written, which has not failed. */
  public JobStatus(
      String job,
      State state,
      long tasksRecorded,
      long tasks,
      long numbersRecorded,
      long numbers,
      long errors) {
    this(job, state, tasksRecorded, tasks, numbersRecorded, numbers, errors, null);
  }

  static JobStatus unknown(String job) {
    return new JobStatus(job, State.UNKNOWN, 0, -1, 0, -1, 0);
  }

  static JobStatus failed(String job, String reason) {
    return new JobStatus(job, State.FAILED, 0, -1, 0, -1, 0, reason);
  }

  /**
   * {@code {"job":"…","state":"running","tasksRecorded":3,"tasks":-1,…}}, with {@code "reason"}
   * when the job failed: the job id is one of the wire format's, letters, digits and {@code ._-},
   * so it needs no escaping; the reason does.
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
        + (reason == null
            ? ""
            : ",\"reason\":\""
                + new String(JsonStringEncoder.getInstance().quoteAsString(reason))
                + "\"")
        + "}";
  }
}
