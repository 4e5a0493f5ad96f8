package io.factorfleet.wire;

import static io.factorfleet.wire.JsonFields.longValue;
import static io.factorfleet.wire.JsonFields.optionalString;
import static io.factorfleet.wire.JsonFields.required;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.Map;

/**
 * Sent by the producer once every task of a job has been confirmed by the broker: from then on the
 * aggregator knows how many results make the job complete.
 *
 * @param version schema version, {@link WireCodec#VERSION}
 * @param job the job sealed
 * @param tasks how many tasks the job has (indices 0 to tasks - 1)
 * @param numbers how many numbers those tasks carry in all
 * @param host the host the job was started on, for {@code fleet jobs}; null when not given
 *     (optional, and not written by earlier builds)
 */
public record SealMessage(int version, String job, long tasks, long numbers, String host)
    implements WireMessage {
  public static SealMessage of(String job, long tasks, long numbers) {
    return of(job, tasks, numbers, null);
  }

  public static SealMessage of(String job, long tasks, long numbers, String host) {
    return new SealMessage(WireCodec.VERSION, job, tasks, numbers, host);
  }

  /** {@code {"version":2,"job":"j","tasks":10,"numbers":1000}} */
  void writeTo(JsonGenerator json) throws IOException {
    MessageHeader.writeStart(json, version, job);
    json.writeNumberField("tasks", tasks);
    json.writeNumberField("numbers", numbers);
    if (host != null) {
      json.writeStringField("host", host);
    }
    json.writeEndObject();
  }

  /** A seal's fields after its header: a seal is about a whole job, so it has no task. */
  private static final Map<String, MessageHeader.Field<Body>> FIELDS =
      Map.of(
          "tasks", (body, json, value, field) -> body.tasks = longValue(json, value, field),
          "numbers", (body, json, value, field) -> body.numbers = longValue(json, value, field),
          "host", (body, json, value, field) -> body.host = optionalString(json, value, field));

  private static final class Body {
    Long tasks;
    Long numbers;
    String host;
  }

  static SealMessage readFrom(JsonParser json) throws IOException, WireFormatException {
    Body body = new Body();
    MessageHeader header = MessageHeader.read(json, false, FIELDS, body);
    return new SealMessage(
        header.version(),
        header.job(),
        required(body.tasks, "tasks"),
        required(body.numbers, "numbers"),
        body.host);
  }
}
