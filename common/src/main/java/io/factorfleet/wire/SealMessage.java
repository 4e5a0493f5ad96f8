package io.factorfleet.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Sent by the producer once every task of a job has been confirmed by the broker: from then on the
 * aggregator knows how many results make the job complete.
 *
 * @param version schema version, {@link WireCodec#VERSION}
 * @param job the job sealed
 * @param tasks how many tasks the job has (indices 0 to tasks - 1)
 * @param numbers how many numbers those tasks carry in all
 */
public record SealMessage(
    @JsonProperty(required = true) int version,
    @JsonProperty(required = true) String job,
    @JsonProperty(required = true) long tasks,
    @JsonProperty(required = true) long numbers)
    implements Versioned {
  public static SealMessage of(String job, long tasks, long numbers) {
    return new SealMessage(WireCodec.VERSION, job, tasks, numbers);
  }
}
