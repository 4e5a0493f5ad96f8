package io.factorfleet.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.factorfleet.wire.WireCodec.TaskId;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The header every message opens with: {@code version}, the schema version the message is written
 * in; {@code job}, the job it belongs to; and, in a message about one task, {@code task}, that
 * task's index. The header is written first, in that order, so that the task of a body too large to
 * parse can be read from its first bytes ({@link #identifyFromHead}).
 *
 * <p>A message class writes itself between {@link #writeStart} and {@code writeEndObject}, and
 * reads itself with {@link #read}, which reads the header's fields and hands every other field to
 * the message's {@link Field}s. Its accessors then give each header field, or say it is missing.
 */
final class MessageHeader {
  static final String VERSION = "version";
  static final String JOB = "job";
  static final String TASK = "task";

  /** Job ids name files in the aggregator's data directory, so they are kept path-safe. */
  private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");

  private final boolean withTask;
  private Integer version;
  private String job;
  private Long task;

  private MessageHeader(boolean withTask) {
    this.withTask = withTask;
  }

  /**
   * How one field of a message, after its header, is read into the message's body: the parser on
   * the field's value, whose first token is {@code value}.
   */
  @FunctionalInterface
  interface Field<B> {
    void read(B body, JsonParser json, JsonToken value, String field)
        throws IOException, WireFormatException;
  }

  /** Opens a message about a whole job and writes its header. */
  static void writeStart(JsonGenerator json, int version, String job) throws IOException {
    json.writeStartObject();
    json.writeNumberField(VERSION, version);
    json.writeStringField(JOB, job);
  }

  /** Opens a message about one task and writes its header. */
  static void writeStart(JsonGenerator json, int version, String job, long task)
      throws IOException {
    writeStart(json, version, job);
    json.writeNumberField(TASK, task);
  }

  /**
   * Reads one message object to its end, and nothing after it: the header's fields here ({@code
   * task} only when {@code withTask}), the message's own into {@code body} by the reader {@code
   * fields} has for each; fields neither knows are skipped.
   */
  static <B> MessageHeader read(
      JsonParser json, boolean withTask, Map<String, Field<B>> fields, B body)
      throws IOException, WireFormatException {
    JsonFields.startObject(json);
    MessageHeader header = new MessageHeader(withTask);
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      JsonToken value = json.nextToken();
      if (!header.readField(json, field, value)) {
        Field<B> reader = fields.get(field);
        if (reader == null) {
          json.skipChildren();
        } else {
          reader.read(body, json, value, field);
        }
      }
    }
    JsonFields.requireEnd(json);
    return header;
  }

  private boolean readField(JsonParser json, String field, JsonToken value)
      throws IOException, WireFormatException {
    switch (field) {
      case VERSION -> version = JsonFields.intValue(json, value, field);
      case JOB -> job = JsonFields.string(json, value, field);
      case TASK -> {
        if (!withTask) {
          return false;
        }
        task = JsonFields.longValue(json, value, field);
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  int version() throws WireFormatException {
    return JsonFields.required(version, VERSION);
  }

  String job() throws WireFormatException {
    return JsonFields.required(job, JOB);
  }

  long task() throws WireFormatException {
    if (!withTask) {
      throw new IllegalStateException("this kind of message has no task");
    }
    return JsonFields.required(task, TASK);
  }

  /** Checks that a message decoded is written in a schema version this build reads. */
  static void requireKnownVersion(int version) throws WireFormatException {
    if (!isKnown(version)) {
      throw unknownVersion(version);
    }
  }

  /** Whether a job may have this id: 1 to 128 path-safe characters. */
  static boolean isJobId(String job) {
    return job != null && JOB_ID.matcher(job).matches();
  }

  /** Checks that a job id is one a job may have: 1 to 128 path-safe characters. */
  static void requireJob(String job) throws WireFormatException {
    if (job == null || !JOB_ID.matcher(job).matches()) {
      throw new WireFormatException(
          "job id must be 1 to 128 letters, digits, '.', '_' or '-', not starting with '.'");
    }
  }

  static void requireTask(long task) throws WireFormatException {
    if (task < 0) {
      throw new WireFormatException("negative task index " + task);
    }
  }

  /**
   * Says what is wrong with the header of a body that did not decode, read as a tree, when
   * something is: a body that is not an object, a version missing, not an integer or unknown.
   */
  static Optional<WireFormatException> problem(JsonNode tree) {
    if (tree == null || !tree.isObject()) {
      return Optional.of(new WireFormatException("not a JSON object"));
    }
    JsonNode version = tree.get(VERSION);
    if (version == null || !version.isInt()) {
      return Optional.of(new WireFormatException("no schema version"));
    }
    if (!isKnown(version.intValue())) {
      return Optional.of(unknownVersion(version.intValue()));
    }
    return Optional.empty();
  }

  /** The job and task a body read as a tree claims, when it names both validly. */
  static Optional<TaskId> identify(JsonNode tree) {
    if (tree == null || !tree.isObject()) {
      return Optional.empty();
    }
    JsonNode job = tree.get(JOB);
    JsonNode task = tree.get(TASK);
    if (job == null
        || !job.isTextual()
        || !JOB_ID.matcher(job.textValue()).matches()
        || task == null
        || !task.canConvertToExactIntegral()
        || !task.canConvertToLong()
        || task.longValue() < 0) {
      return Optional.empty();
    }
    return Optional.of(new TaskId(job.textValue(), task.longValue()));
  }

  /**
   * The job and task of a body too large to parse, from the fields before its first array or object
   * (the header, as a message is written), the parser on the body's first bytes.
   */
  static Optional<TaskId> identifyFromHead(JsonParser parser) throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      return Optional.empty();
    }
    String job = null;
    long task = -1;
    while (parser.nextToken() == JsonToken.FIELD_NAME && (job == null || task < 0)) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (value == JsonToken.START_ARRAY || value == JsonToken.START_OBJECT) {
        return Optional.empty(); // the long part comes before the fields that name the task
      }
      if (JOB.equals(field) && value == JsonToken.VALUE_STRING) {
        job = parser.getText();
      } else if (TASK.equals(field)
          && value == JsonToken.VALUE_NUMBER_INT
          && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
        task = parser.getLongValue();
      }
    }
    return job != null && task >= 0 && JOB_ID.matcher(job).matches()
        ? Optional.of(new TaskId(job, task))
        : Optional.empty();
  }

  private static boolean isKnown(int version) {
    return version >= WireCodec.FIRST_VERSION && version <= WireCodec.VERSION;
  }

  private static WireFormatException unknownVersion(int version) {
    return new WireFormatException(
        "unknown schema version "
            + version
            + " (this build reads "
            + WireCodec.FIRST_VERSION
            + " to "
            + WireCodec.VERSION
            + ")");
  }
}
