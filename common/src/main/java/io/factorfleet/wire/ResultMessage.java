package io.factorfleet.wire;

import static io.factorfleet.wire.JsonFields.longValue;
import static io.factorfleet.wire.JsonFields.required;
import static io.factorfleet.wire.JsonFields.string;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.factorfleet.text.UnsignedDecimals;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
    int version, String job, long task, String worker, long nanos, List<NumberResult> results)
    implements WireMessage {
  public ResultMessage {
    results = List.copyOf(results);
  }

  public static ResultMessage of(
      String job, long task, String worker, long nanos, List<NumberResult> results) {
    return new ResultMessage(WireCodec.VERSION, job, task, worker, nanos, results);
  }

  /**
   * {@code {"version":2,"job":"j","task":0,"worker":"w1","nanos":5,"results":[...]}}, each result
   * as {@link NumberResult#writeTo} writes it: as an array where it can be and the version allows.
   */
  void writeTo(JsonGenerator json) throws IOException {
    MessageHeader.writeStart(json, version, job, task);
    json.writeStringField("worker", worker);
    json.writeNumberField("nanos", nanos);
    json.writeArrayFieldStart("results");
    char[] digits = new char[UnsignedDecimals.MAX_DIGITS];
    boolean arrays = version >= NumberResult.ARRAYS_SINCE;
    for (NumberResult result : results) {
      result.writeTo(json, digits, arrays);
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  /** A result's fields after its header. */
  private static final Map<String, MessageHeader.Field<Body>> FIELDS =
      Map.of(
          "worker", (body, json, value, field) -> body.worker = string(json, value, field),
          "nanos", (body, json, value, field) -> body.nanos = longValue(json, value, field),
          "results", (body, json, value, field) -> body.results = body.readResults(json, value));

  static ResultMessage readFrom(JsonParser json) throws IOException, WireFormatException {
    Body body = new Body();
    MessageHeader header = MessageHeader.read(json, true, FIELDS, body);
    if (body.sawArray && header.version() < NumberResult.ARRAYS_SINCE) {
      throw new WireFormatException(
          "an entry of 'results' is an array, which needs schema version "
              + NumberResult.ARRAYS_SINCE);
    }
    return new ResultMessage(
        header.version(),
        header.job(),
        header.task(),
        required(body.worker, "worker"),
        required(body.nanos, "nanos"),
        required(body.results, "results"));
  }

  /** What a result's fields held, noting whether any entry of its results was an array. */
  private static final class Body {
    String worker;
    Long nanos;
    List<NumberResult> results;
    boolean sawArray;

    List<NumberResult> readResults(JsonParser json, JsonToken token)
        throws IOException, WireFormatException {
      if (token != JsonToken.START_ARRAY) {
        throw new WireFormatException("field 'results' is not an array");
      }
      List<NumberResult> entries = new ArrayList<>();
      for (JsonToken item = json.nextToken();
          item != JsonToken.END_ARRAY;
          item = json.nextToken()) {
        sawArray |= item == JsonToken.START_ARRAY;
        entries.add(NumberResult.readFrom(json, item));
      }
      return entries;
    }
  }
}
