package io.factorfleet.wire;

import static io.factorfleet.wire.JsonFields.required;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.List;

/**
 * One unit of work: a batch of numbers from one job, written as canonical decimal strings.
 *
 * @param version schema version, {@link WireCodec#VERSION}
 * @param job the job this task belongs to
 * @param task the task's index within its job, from 0
 * @param numbers the numbers to factor, in input order
 */
public record TaskMessage(int version, String job, long task, List<String> numbers)
    implements Versioned {
  public TaskMessage {
    numbers = List.copyOf(numbers);
  }

  public static TaskMessage of(String job, long task, List<String> numbers) {
    return new TaskMessage(WireCodec.VERSION, job, task, numbers);
  }

  /** {@code {"version":1,"job":"j","task":0,"numbers":["12","13"]}} */
  void writeTo(JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeNumberField("version", version);
    json.writeStringField("job", job);
    json.writeNumberField("task", task);
    json.writeArrayFieldStart("numbers");
    for (String number : numbers) {
      json.writeString(number);
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  static TaskMessage readFrom(JsonParser json) throws IOException, WireFormatException {
    JsonFields.startObject(json);
    Integer version = null;
    String job = null;
    Long task = null;
    List<String> numbers = null;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      JsonToken value = json.nextToken();
      switch (field) {
        case "version" -> version = JsonFields.intValue(json, value, field);
        case "job" -> job = JsonFields.string(json, value, field);
        case "task" -> task = JsonFields.longValue(json, value, field);
        case "numbers" -> numbers = JsonFields.strings(json, value, field);
        default -> json.skipChildren();
      }
    }
    JsonFields.requireEnd(json);
    return new TaskMessage(
        required(version, "version"),
        required(job, "job"),
        required(task, "task"),
        required(numbers, "numbers"));
  }
}
