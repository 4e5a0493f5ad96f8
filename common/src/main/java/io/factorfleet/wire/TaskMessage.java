package io.factorfleet.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One unit of work: a batch of numbers from one job, written as canonical decimal strings.
 *
 * @param version schema version, {@link WireCodec#VERSION}
 * @param job the job this task belongs to
 * @param task the task's index within its job, from 0
 * @param numbers the numbers to factor, in input order
 */
public record TaskMessage(
    @JsonProperty(required = true) int version,
    @JsonProperty(required = true) String job,
    @JsonProperty(required = true) long task,
    @JsonProperty(required = true) List<String> numbers)
    implements Versioned {
  public TaskMessage {
    numbers = List.copyOf(numbers);
  }

  public static TaskMessage of(String job, long task, List<String> numbers) {
    return new TaskMessage(WireCodec.VERSION, job, task, numbers);
  }
}
