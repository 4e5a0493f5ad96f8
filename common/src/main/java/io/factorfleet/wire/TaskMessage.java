package io.factorfleet.wire;

import static io.factorfleet.wire.JsonFields.required;
import static io.factorfleet.wire.JsonFields.strings;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * One unit of work: a batch of numbers from one job, written as canonical decimal strings.
 *
 * @param version schema version, {@link WireCodec#VERSION}
 * @param job the job this task belongs to
 * @param task the task's index within its job, from 0
 * @param numbers the numbers to factor, in input order
 */
public record TaskMessage(int version, String job, long task, List<String> numbers)
    implements WireMessage {
  public TaskMessage {
    numbers = List.copyOf(numbers);
  }

  public static TaskMessage of(String job, long task, List<String> numbers) {
    return new TaskMessage(WireCodec.VERSION, job, task, numbers);
  }

  /** {@code {"version":2,"job":"j","task":0,"numbers":["12","13"]}} */
  void writeTo(JsonGenerator json) throws IOException {
    MessageHeader.writeStart(json, version, job, task);
    json.writeArrayFieldStart("numbers");
    for (String number : numbers) {
      json.writeString(number);
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  /** A task's fields after its header. */
  private static final Map<String, MessageHeader.Field<Body>> FIELDS =
      Map.of("numbers", (body, json, value, field) -> body.numbers = strings(json, value, field));

  private static final class Body {
    List<String> numbers;
  }

  static TaskMessage readFrom(JsonParser json) throws IOException, WireFormatException {
    Body body = new Body();
    MessageHeader header = MessageHeader.read(json, true, FIELDS, body);
    return new TaskMessage(
        header.version(), header.job(), header.task(), required(body.numbers, "numbers"));
  }
}
