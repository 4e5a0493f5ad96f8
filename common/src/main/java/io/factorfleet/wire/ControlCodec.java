package io.factorfleet.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Encodes and decodes control messages as flat JSON objects opening with {@code version}, told
 * apart by the AMQP {@code type} property, as the task, result and seal are (see docs/wire.md).
 * Readers ignore fields they do not know. Written and read token by token, as {@link WireCodec}
 * does, so that a command line never loads Jackson's databind for them.
 */
public final class ControlCodec {
  /** The first schema version with control messages. */
  static final int VERSION = WireCodec.VERSION;

  private static final int MAX_BODY_BYTES = 64 * 1024;

  private static final JsonFactory JSON = new JsonFactory();

  public byte[] encode(ControlMessage message) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    try (JsonGenerator out = JSON.createGenerator(bytes)) {
      out.writeStartObject();
      out.writeNumberField("version", VERSION);
      if (message instanceof ControlMessage.Cancel c) {
        out.writeStringField("job", c.job());
        out.writeStringField("by", c.by());
      } else if (message instanceof ControlMessage.Cancelled c) {
        out.writeStringField("job", c.job());
        out.writeStringField("owner", c.owner());
        out.writeNumberField("done", c.done());
      } else if (message instanceof ControlMessage.Query q) {
        out.writeStringField("about", q.about());
      } else if (message instanceof ControlMessage.JobStatus j) {
        out.writeStringField("job", j.job());
        out.writeStringField("host", j.host());
        out.writeStringField("command", j.command());
        out.writeNumberField("done", j.done());
        out.writeNumberField("total", j.total());
        out.writeNumberField("started", j.startedMillis());
      } else if (message instanceof ControlMessage.WorkerStatus w) {
        out.writeStringField("worker", w.worker());
        out.writeNumberField("prefetch", w.prefetch());
      } else if (message instanceof ControlMessage.UnitsDone u) {
        out.writeStringField("job", u.job());
        out.writeNumberField("number", u.number());
        out.writeNumberField("below", u.below());
      }
      out.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  /**
   * @param type the AMQP {@code type} property
   * @throws WireFormatException naming what is wrong with the message
   */
  public ControlMessage decode(String type, byte[] body) throws WireFormatException {
    if (body.length > MAX_BODY_BYTES) {
      throw new WireFormatException("control message of " + body.length + " bytes, over 64 KiB");
    }
    Map<String, Object> fields = fields(body);
    long version = integer(fields, "version");
    if (version < VERSION) {
      throw new WireFormatException(
          "control messages start at schema version " + VERSION + ", got " + version);
    }
    try {
      return switch (type == null ? "" : type) {
        case ControlMessage.Cancel.TYPE ->
            new ControlMessage.Cancel(job(fields), text(fields, "by"));
        case ControlMessage.Cancelled.TYPE ->
            new ControlMessage.Cancelled(
                job(fields), text(fields, "owner"), integer(fields, "done"));
        case ControlMessage.Query.TYPE -> new ControlMessage.Query(text(fields, "about"));
        case ControlMessage.JobStatus.TYPE ->
            new ControlMessage.JobStatus(
                job(fields),
                text(fields, "host"),
                text(fields, "command"),
                integer(fields, "done"),
                integer(fields, "total"),
                integer(fields, "started"));
        case ControlMessage.WorkerStatus.TYPE ->
            new ControlMessage.WorkerStatus(
                text(fields, "worker"),
                (int) Math.min(Integer.MAX_VALUE, integer(fields, "prefetch")));
        case ControlMessage.UnitsDone.TYPE ->
            new ControlMessage.UnitsDone(
                job(fields), integer(fields, "number"), integer(fields, "below"));
        default -> throw new WireFormatException("unknown control message type '" + type + "'");
      };
    } catch (IllegalArgumentException e) {
      throw new WireFormatException(e.getMessage());
    }
  }

  /**
   * The top-level fields of a flat JSON object: strings, integers, and a marker for any other
   * value, which no control message field is.
   */
  private static Map<String, Object> fields(byte[] body) throws WireFormatException {
    Map<String, Object> fields = new HashMap<>();
    try (JsonParser in = JSON.createParser(body)) {
      if (in.nextToken() != JsonToken.START_OBJECT) {
        throw new WireFormatException("not a JSON object");
      }
      for (JsonToken token = in.nextToken();
          token != JsonToken.END_OBJECT;
          token = in.nextToken()) {
        String name = in.currentName();
        JsonToken value = in.nextToken();
        if (value == JsonToken.VALUE_STRING) {
          fields.put(name, in.getText());
        } else if (value == JsonToken.VALUE_NUMBER_INT
            && in.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
          fields.put(name, in.getLongValue());
        } else {
          in.skipChildren();
          fields.put(name, value);
        }
      }
      if (in.nextToken() != null) {
        throw new WireFormatException("not JSON: something follows the object");
      }
    } catch (JsonProcessingException e) {
      throw new WireFormatException("not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new WireFormatException("unreadable: " + e.getMessage());
    }
    return fields;
  }

  private static String job(Map<String, Object> fields) throws WireFormatException {
    String job = text(fields, "job");
    if (!WireCodec.isJobId(job)) {
      throw new WireFormatException("'" + job + "' is not a job id");
    }
    return job;
  }

  private static String text(Map<String, Object> fields, String field) throws WireFormatException {
    if (fields.get(field) instanceof String text) {
      return text;
    }
    throw new WireFormatException("field '" + field + "' is not a string");
  }

  private static long integer(Map<String, Object> fields, String field) throws WireFormatException {
    if (fields.get(field) instanceof Long value) {
      return value;
    }
    throw new WireFormatException("field '" + field + "' is not an integer");
  }
}
