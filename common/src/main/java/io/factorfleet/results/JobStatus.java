package io.factorfleet.results;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Locale;

/**
 * A submitted job as the aggregator service knows it: what its results API serves as JSON at {@code
 * GET /jobs/<id>} ({@link #toJson}) and what {@code fleet wait} and {@code fleet result} read back
 * ({@link #fromJson}), one record for both sides.
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

  /** A job the service has no message of. */
  public static JobStatus unknown(String job) {
    return new JobStatus(job, State.UNKNOWN, 0, -1, 0, -1, 0);
  }

  /** A job the service gave up on, and why. */
  public static JobStatus failed(String job, String reason) {
    return new JobStatus(job, State.FAILED, 0, -1, 0, -1, 0, reason);
  }

  public boolean isWritten() {
    return state == State.WRITTEN;
  }

  /** Whether the service gave up on the job; {@link #reason()} says why. */
  public boolean isFailed() {
    return state == State.FAILED;
  }

  public boolean isUnknown() {
    return state == State.UNKNOWN;
  }

  /** {@code 1,200 of 3,000 tasks recorded}, or {@code 1,200 tasks recorded} before the seal. */
  public String recorded() {
    return String.format(
        Locale.ROOT,
        tasks < 0 ? "%,d tasks recorded" : "%,d of %,d tasks recorded",
        tasksRecorded,
        tasks);
  }

  /**
   * The status in {@link #toJson}'s form, for the job asked about: a field left out takes the value
   * of a job the service knows nothing of.
   *
   * @throws IllegalArgumentException when the state is none of {@link State}'s
   */
  public static JobStatus fromJson(JsonNode json, String job) {
    String label = json.path("state").asText(State.UNKNOWN.label());
    State state =
        Arrays.stream(State.values())
            .filter(candidate -> candidate.label().equals(label))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no job state is called " + label));
    return new JobStatus(
        json.path("job").asText(job),
        state,
        json.path("tasksRecorded").asLong(),
        json.path("tasks").asLong(-1),
        json.path("numbersRecorded").asLong(),
        json.path("numbers").asLong(-1),
        json.path("errors").asLong(),
        json.hasNonNull("reason") ? json.get("reason").asText() : null);
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
