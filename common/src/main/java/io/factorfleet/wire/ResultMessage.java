package io.factorfleet.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A worker's answer to one task.
 *
 * @param version schema version, {@link WireCodec#VERSION}
 * @param job the job of the task answered
 * @param task the index of the task answered
 * @param worker the id of the worker that answered
 * @param nanos time spent factoring the task's numbers, in nanoseconds
 * @param results one entry per number of the task, in the task's order
 */
public record ResultMessage(
    @JsonProperty(required = true) int version,
    @JsonProperty(required = true) String job,
    @JsonProperty(required = true) long task,
    @JsonProperty(required = true) String worker,
    @JsonProperty(required = true) long nanos,
    @JsonProperty(required = true) List<NumberResult> results)
    implements Versioned {
  public ResultMessage {
    results = List.copyOf(results);
  }

  public static ResultMessage of(
      String job, long task, String worker, long nanos, List<NumberResult> results) {
    return new ResultMessage(WireCodec.VERSION, job, task, worker, nanos, results);
  }
}
