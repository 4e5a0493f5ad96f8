package io.factorfleet.wire;

import static io.factorfleet.wire.JsonFields.required;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.factorfleet.text.UnsignedDecimals;
import java.io.IOException;
import java.util.ArrayList;
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
    int version, String job, long task, String worker, long nanos, List<NumberResult> results)
    implements Versioned {
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
    json.writeStartObject();
    json.writeNumberField("version", version);
    json.writeStringField("job", job);
    json.writeNumberField("task", task);
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

  static ResultMessage readFrom(JsonParser json) throws IOException, WireFormatException {
    JsonFields.startObject(json);
    Integer version = null;
    String job = null;
    Long task = null;
    String worker = null;
    Long nanos = null;
    List<NumberResult> results = null;
    ResultsReader reader = new ResultsReader();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      JsonToken value = json.nextToken();
      switch (field) {
        case "version" -> version = JsonFields.intValue(json, value, field);
        case "job" -> job = JsonFields.string(json, value, field);
        case "task" -> task = JsonFields.longValue(json, value, field);
        case "worker" -> worker = JsonFields.string(json, value, field);
        case "nanos" -> nanos = JsonFields.longValue(json, value, field);
        case "results" -> results = reader.read(json, value);
        default -> json.skipChildren();
      }
    }
    JsonFields.requireEnd(json);
    if (reader.sawArray && version != null && version < NumberResult.ARRAYS_SINCE) {
      throw new WireFormatException(
          "an entry of 'results' is an array, which needs schema version "
              + NumberResult.ARRAYS_SINCE);
    }
    return new ResultMessage(
        required(version, "version"),
        required(job, "job"),
        required(task, "task"),
        required(worker, "worker"),
        required(nanos, "nanos"),
        required(results, "results"));
  }

  /** Reads the entries of {@code results}, noting whether any was written as an array. */
  private static final class ResultsReader {
    boolean sawArray;

    List<NumberResult> read(JsonParser json, JsonToken token)
        throws IOException, WireFormatException {
      if (token != JsonToken.START_ARRAY) {
        throw new WireFormatException("field 'results' is not an array");
      }
      List<NumberResult> results = new ArrayList<>();
      for (JsonToken item = json.nextToken();
          item != JsonToken.END_ARRAY;
          item = json.nextToken()) {
        sawArray |= item == JsonToken.START_ARRAY;
        results.add(NumberResult.readFrom(json, item));
      }
      return results;
    }
  }
}
