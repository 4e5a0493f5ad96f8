package io.factorfleet.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Encodes and decodes Factor Fleet's messages as compact, versioned JSON. Decoding is strict: every
 * field must be present with its type, and the schema version must be one this build knows;
 * anything else is a {@link WireFormatException} naming the problem.
 *
 * <p>Version 2 differs from version 1 in results alone: a complete factorization of a number below
 * 2^63 may be written as an array of integers, the number then its factors ({@code [12,2,2,3]}),
 * instead of an object of strings ({@code {"n":"12","factors":["2","2","3"]}}). A message says in
 * its {@code version} how it is written; this build reads both, and a worker answers a task in the
 * version the task was written in, so that a command line of an earlier build can read the answers
 * of a later worker.
 */
public final class WireCodec {
  /** The schema version this build writes, and the latest it reads. */
  public static final int VERSION = 2;

  /** The earliest schema version this build reads. */
  public static final int FIRST_VERSION = 1;

  /** The content type set on every message. */
  public static final String CONTENT_TYPE = "application/json";

  /** Bodies larger than this are refused without being parsed. */
  public static final int DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;

  /** How much of an oversized body is read to find the task it belongs to. */
  private static final int HEAD_BYTES = 4096;

  /** Messages are written and read token by token: see each message's writeTo and readFrom. */
  private static final JsonFactory JSON = new JsonFactory();

  private final int maxBodyBytes;

  /**
   * The tree model, for bodies that do not decode, to say why, and to identify their task; loaded
   * on first use, so that a process whose messages are all well-formed never starts databind.
   */
  private static final class Trees {
    static final ObjectMapper MAPPER =
        JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  }

  public WireCodec() {
    this(DEFAULT_MAX_BODY_BYTES);
  }

  public WireCodec(int maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  public byte[] encode(TaskMessage task) {
    return write(task::writeTo, task.numbers().size() * 12);
  }

  public byte[] encode(ResultMessage result) {
    return write(result::writeTo, result.results().size() * 48);
  }

  public byte[] encode(SealMessage seal) {
    return write(seal::writeTo, 128);
  }

  public byte[] encode(UnitMessage unit) {
    return write(unit::writeTo, 512);
  }

  public byte[] encode(UnitResultMessage result) {
    return write(result::writeTo, 256 + result.relations().size() * 160);
  }

  public UnitMessage decodeUnit(byte[] body) throws WireFormatException {
    UnitMessage unit = decode(body, UnitMessage.class, UnitMessage::readFrom);
    requireUnitIndices(unit.job(), unit.number(), unit.unit());
    return unit;
  }

  public UnitResultMessage decodeUnitResult(byte[] body) throws WireFormatException {
    UnitResultMessage result = decode(body, UnitResultMessage.class, UnitResultMessage::readFrom);
    requireUnitIndices(result.job(), result.number(), result.unit());
    return result;
  }

  private static void requireUnitIndices(String job, long number, long unit)
      throws WireFormatException {
    if (number < 0 || unit < 0) {
      throw new WireFormatException(
          "unit " + unit + " of number " + number + " of job " + job + " has a negative index");
    }
  }

  public TaskMessage decodeTask(byte[] body) throws WireFormatException {
    TaskMessage task = decode(body, TaskMessage.class, TaskMessage::readFrom);
    MessageHeader.requireTask(task.task());
    if (task.numbers().isEmpty()) {
      throw new WireFormatException(
          "task " + task.task() + " of job " + task.job() + " has no numbers");
    }
    return task;
  }

  /**
   * Decodes a hard number: a task's body holding exactly one number, a canonical decimal, which the
   * aggregator service splits over the fleet.
   */
  public TaskMessage decodeHardNumber(byte[] body) throws WireFormatException {
    TaskMessage task = decodeTask(body);
    String what = "hard number of task " + task.task() + " of job " + task.job();
    if (task.numbers().size() != 1) {
      throw new WireFormatException(
          what + " holds " + task.numbers().size() + " numbers instead of one");
    }
    String number = task.numbers().get(0);
    if (!number.matches("[1-9][0-9]*")) {
      throw new WireFormatException(what + " is not a canonical decimal: '" + number + "'");
    }
    return task;
  }

  public ResultMessage decodeResult(byte[] body) throws WireFormatException {
    ResultMessage result = decode(body, ResultMessage.class, ResultMessage::readFrom);
    MessageHeader.requireTask(result.task());
    for (NumberResult r : result.results()) {
      if (r.error() == null && r.factors() == null) {
        throw new WireFormatException("result for " + r.n() + " has neither factors nor an error");
      }
    }
    return result;
  }

  public SealMessage decodeSeal(byte[] body) throws WireFormatException {
    SealMessage seal = decode(body, SealMessage.class, SealMessage::readFrom);
    if (seal.tasks() < 0 || seal.numbers() < 0) {
      throw new WireFormatException("seal of job " + seal.job() + " has a negative count");
    }
    return seal;
  }

  /**
   * The job and task a message claims to belong to, read leniently from a body that does not
   * decode, so that its sender can be told what went wrong instead of waiting forever.
   */
  public Optional<TaskId> identify(byte[] body) {
    if (body == null || body.length == 0) {
      return Optional.empty();
    }
    if (body.length > maxBodyBytes) {
      return identifyFromHead(body);
    }
    try {
      return MessageHeader.identify(Trees.MAPPER.readTree(body));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Reads the job and task of a body too large to parse from the fields before its numbers or
   * results (the header, which every message opens with), looking at no more than {@link
   * #HEAD_BYTES} bytes.
   */
  private Optional<TaskId> identifyFromHead(byte[] body) {
    try (JsonParser parser = JSON.createParser(body, 0, Math.min(body.length, HEAD_BYTES))) {
      return MessageHeader.identifyFromHead(parser);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Which task of which job. */
  public record TaskId(String job, long task) {}

  /** Writes a message token by token: the hot path of every task and result. */
  private byte[] write(MessageWriter writer, int expectedBytes) {
    ByteArrayBuilder bytes = new ByteArrayBuilder(Math.min(Math.max(expectedBytes, 64), 1 << 16));
    try (JsonGenerator json = JSON.createGenerator(bytes)) {
      writer.writeTo(json);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode a message", e);
    }
    return bytes.toByteArray();
  }

  private <T extends WireMessage> T decode(byte[] body, Class<T> type, MessageReader<T> reader)
      throws WireFormatException {
    if (body == null || body.length == 0) {
      throw new WireFormatException("empty body");
    }
    if (body.length > maxBodyBytes) {
      throw new WireFormatException(
          "body of " + body.length + " bytes is over the limit of " + maxBodyBytes);
    }
    T message;
    try (JsonParser json = JSON.createParser(body)) {
      message = reader.readFrom(json);
    } catch (IOException | WireFormatException e) {
      throw diagnose(body, type, e);
    }
    MessageHeader.requireKnownVersion(message.version());
    MessageHeader.requireJob(message.job());
    return message;
  }

  @FunctionalInterface
  private interface MessageWriter {
    void writeTo(JsonGenerator json) throws IOException;
  }

  @FunctionalInterface
  private interface MessageReader<T> {
    T readFrom(JsonParser json) throws IOException, WireFormatException;
  }

  /**
   * Says why a body did not decode, in the order a reader would check it: JSON at all, an object, a
   * version this build knows, then the fields. Only failures pay for this second parse.
   */
  private WireFormatException diagnose(byte[] body, Class<?> type, Exception failure) {
    JsonNode tree;
    try {
      tree = Trees.MAPPER.readTree(body);
    } catch (IOException e) {
      return new WireFormatException("not JSON: " + firstLine(e), e);
    }
    Optional<WireFormatException> headerProblem = MessageHeader.problem(tree);
    if (headerProblem.isPresent()) {
      return headerProblem.get();
    }
    return new WireFormatException(
        "not a " + type.getSimpleName() + ": " + firstLine(failure), failure);
  }

  private static String firstLine(Exception e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /**
   * Whether a job may have this id: 1 to 128 letters, digits, '.', '_' or '-', not starting with
   * '.'; such an id is safe as a file name.
   */
  public static boolean isJobId(String job) {
    return MessageHeader.isJobId(job);
  }
}
