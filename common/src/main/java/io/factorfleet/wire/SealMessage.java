package io.factorfleet.wire;

import static io.factorfleet.wire.JsonFields.required;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Sent by the producer once every task of a job has been confirmed by the broker: from then on the
 * aggregator knows how many results make the job complete.
 *
 * @param version schema version, {@link WireCodec#VERSION}
 * @param job the job sealed
 * @param tasks how many tasks the job has (indices 0 to tasks - 1)
 * @param numbers how many numbers those tasks carry in all
 */
public record SealMessage(int version, String job, long tasks, long numbers) implements Versioned {
  public static SealMessage of(String job, long tasks, long numbers) {
    return new SealMessage(WireCodec.VERSION, job, tasks, numbers);
  }

  /** {@code {"version":1,"job":"j","tasks":10,"numbers":1000}} */
  void writeTo(JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeNumberField("version", version);
    json.writeStringField("job", job);
    json.writeNumberField("tasks", tasks);
    json.writeNumberField("numbers", numbers);
    json.writeEndObject();
  }

  static SealMessage readFrom(JsonParser json) throws IOException, WireFormatException {
    JsonFields.startObject(json);
    Integer version = null;
    String job = null;
    Long tasks = null;
    Long numbers = null;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      JsonToken value = json.nextToken();
      switch (field) {
        case "version" -> version = JsonFields.intValue(json, value, field);
        case "job" -> job = JsonFields.string(json, value, field);
        case "tasks" -> tasks = JsonFields.longValue(json, value, field);
        case "numbers" -> numbers = JsonFields.longValue(json, value, field);
        default -> json.skipChildren();
      }
    }
    JsonFields.requireEnd(json);
    return new SealMessage(
        required(version, "version"),
        required(job, "job"),
        required(tasks, "tasks"),
        required(numbers, "numbers"));
  }
}
