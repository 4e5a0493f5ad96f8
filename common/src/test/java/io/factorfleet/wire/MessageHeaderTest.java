package io.factorfleet.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.factorfleet.wire.WireCodec.TaskId;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MessageHeaderTest {
  private static final JsonFactory JSON = new JsonFactory();

  /** The fields the header handed on to the message, in order. */
  private final List<String> handedOn = new ArrayList<>();

  /** A message's own fields, each noted with its value when read. */
  private static final Map<String, MessageHeader.Field<List<String>>> MESSAGE_FIELDS =
      Map.of(
          "worker",
          MessageHeaderTest::note,
          "nanos",
          MessageHeaderTest::note,
          "task",
          MessageHeaderTest::note);

  private static void note(List<String> noted, JsonParser json, JsonToken value, String field)
      throws IOException {
    noted.add(field + "=" + json.getText());
  }

  @Test
  void shouldWriteVersionJobAndTaskFirstInThatOrder() throws IOException {
    assertThat(written(json -> MessageHeader.writeStart(json, 2, "job-1", 7)))
        .isEqualTo("{\"version\":2,\"job\":\"job-1\",\"task\":7}");
    assertThat(written(json -> MessageHeader.writeStart(json, 1, "job-1")))
        .isEqualTo("{\"version\":1,\"job\":\"job-1\"}");
  }

  @Test
  void shouldOpenEveryMessageWithItsHeader() {
    WireCodec codec = new WireCodec();

    assertThat(text(codec.encode(TaskMessage.of("j", 3, List.of("12")))))
        .isEqualTo("{\"version\":2,\"job\":\"j\",\"task\":3,\"numbers\":[\"12\"]}");
    assertThat(text(codec.encode(ResultMessage.of("j", 3, "w", 5, List.of()))))
        .isEqualTo(
            "{\"version\":2,\"job\":\"j\",\"task\":3,\"worker\":\"w\",\"nanos\":5,\"results\":[]}");
    assertThat(text(codec.encode(SealMessage.of("j", 4, 400))))
        .isEqualTo("{\"version\":2,\"job\":\"j\",\"tasks\":4,\"numbers\":400}");
  }

  @Test
  void shouldReadTheHeaderInAnyOrderAndHandOnEveryOtherField() throws Exception {
    MessageHeader header =
        read("{\"worker\":\"w\",\"task\":7,\"version\":2,\"nanos\":5,\"job\":\"j\"}", true);

    assertThat(header.version()).isEqualTo(2);
    assertThat(header.job()).isEqualTo("j");
    assertThat(header.task()).isEqualTo(7);
    assertThat(handedOn).containsExactly("worker=w", "nanos=5");
  }

  @Test
  void shouldHandOnTaskInAMessageThatHasNone() throws Exception {
    MessageHeader header = read("{\"version\":2,\"job\":\"j\",\"task\":\"any\"}", false);

    assertThat(handedOn).containsExactly("task=any");
    assertThatThrownBy(header::task).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldSkipFieldsNeitherItNorTheMessageKnows() throws Exception {
    MessageHeader header =
        MessageHeader.read(
            parser("{\"version\":1,\"extra\":{\"deep\":[1,2]},\"job\":\"j\",\"task\":0}"),
            true,
            Map.of(),
            handedOn);

    assertThat(header.job()).isEqualTo("j");
    assertThat(header.task()).isZero();
    assertThat(handedOn).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"job\":\"j\",\"task\":0}                   | field 'version' is missing",
        "{\"version\":1,\"task\":0}                   | field 'job' is missing",
        "{\"version\":1,\"job\":\"j\"}                | field 'task' is missing"
      })
  void shouldNameTheMissingField(String body, String message) throws Exception {
    MessageHeader header = read(body, true);

    assertThatThrownBy(
            () -> {
              header.version();
              header.job();
              header.task();
            })
        .isInstanceOf(WireFormatException.class)
        .hasMessage(message);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"version\":\"2\",\"job\":\"j\",\"task\":0}      | field 'version' is not an integer",
        "{\"version\":2.0,\"job\":\"j\",\"task\":0}        | field 'version' is not an integer",
        "{\"version\":4294967296,\"job\":\"j\",\"task\":0} | field 'version' is out of range",
        "{\"version\":2,\"job\":7,\"task\":0}              | field 'job' is not a string",
        "{\"version\":2,\"job\":null,\"task\":0}           | field 'job' is not a string",
        "{\"version\":2,\"job\":\"j\",\"task\":\"0\"}      | field 'task' is not an integer",
        "{\"version\":2,\"job\":\"j\",\"task\":1e3}        | field 'task' is not an integer",
        "{\"version\":2,\"job\":\"j\",\"task\":99999999999999999999} | field 'task' is out of range"
      })
  void shouldNameTheFieldOfTheWrongType(String body, String message) {
    assertThatThrownBy(() -> read(body, true))
        .isInstanceOf(WireFormatException.class)
        .hasMessage(message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"[1,2]", "\"version\"", "7"})
  void shouldRefuseABodyThatIsNotAnObject(String body) {
    assertThatThrownBy(() -> read(body, true))
        .isInstanceOf(WireFormatException.class)
        .hasMessage("not a JSON object");
  }

  @Test
  void shouldRefuseAnythingAfterTheMessage() {
    assertThatThrownBy(() -> read("{\"version\":2,\"job\":\"j\",\"task\":0} {}", true))
        .isInstanceOf(WireFormatException.class)
        .hasMessage("more after the end of the message");
  }

  @Test
  void shouldAcceptEveryVersionFromTheFirstToTheCurrent() throws Exception {
    for (int version = WireCodec.FIRST_VERSION; version <= WireCodec.VERSION; version++) {
      MessageHeader.requireKnownVersion(version);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 3, Integer.MAX_VALUE})
  void shouldRefuseAnUnknownVersionSayingWhichItReads(int version) {
    assertThatThrownBy(() -> MessageHeader.requireKnownVersion(version))
        .isInstanceOf(WireFormatException.class)
        .hasMessage("unknown schema version " + version + " (this build reads 1 to 2)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".hidden", "../etc", "a/b", "a b", "ü"})
  void shouldRefuseAJobIdThatIsNotPathSafe(String job) {
    assertThatThrownBy(() -> MessageHeader.requireJob(job))
        .isInstanceOf(WireFormatException.class)
        .hasMessageStartingWith("job id must be 1 to 128 letters");
  }

  @Test
  void shouldAcceptAJobIdOf128PathSafeCharacters() throws Exception {
    MessageHeader.requireJob("a".repeat(128));
    MessageHeader.requireJob("job-1.part_2");
    assertThatThrownBy(() -> MessageHeader.requireJob("a".repeat(129)))
        .isInstanceOf(WireFormatException.class);
  }

  @Test
  void shouldRefuseANegativeTaskIndex() throws Exception {
    MessageHeader.requireTask(0);
    assertThatThrownBy(() -> MessageHeader.requireTask(-1))
        .isInstanceOf(WireFormatException.class)
        .hasMessage("negative task index -1");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[1]                                | not a JSON object",
        "{\"job\":\"j\"}                    | no schema version",
        "{\"version\":\"2\"}                | no schema version",
        "{\"version\":3}                    | unknown schema version 3 (this build reads 1 to 2)"
      })
  void shouldSayWhatIsWrongWithTheHeaderOfATree(String body, String message) throws Exception {
    assertThat(MessageHeader.problem(new ObjectMapper().readTree(body)))
        .hasValueSatisfying(problem -> assertThat(problem).hasMessage(message));
  }

  @Test
  void shouldFindNoProblemWithAKnownVersion() throws Exception {
    assertThat(MessageHeader.problem(new ObjectMapper().readTree("{\"version\":1}"))).isEmpty();
  }

  @Test
  void shouldIdentifyTheTaskOfATreeOnlyWhenJobAndTaskAreValid() throws Exception {
    ObjectMapper mapper = new ObjectMapper();

    assertThat(MessageHeader.identify(mapper.readTree("{\"job\":\"j\",\"task\":4}")))
        .contains(new TaskId("j", 4));
    assertThat(MessageHeader.identify(mapper.readTree("{\"job\":\"../j\",\"task\":4}"))).isEmpty();
    assertThat(MessageHeader.identify(mapper.readTree("{\"job\":\"j\",\"task\":-4}"))).isEmpty();
    assertThat(MessageHeader.identify(mapper.readTree("{\"job\":\"j\",\"task\":4.5}"))).isEmpty();
    assertThat(MessageHeader.identify(mapper.readTree("{\"job\":\"j\"}"))).isEmpty();
  }

  @Test
  void shouldIdentifyTheTaskFromTheFieldsBeforeTheFirstArray() throws Exception {
    // the first bytes of a body cut short, as an oversize body is read
    String head = "{\"version\":2,\"job\":\"j\",\"task\":9,\"worker\":\"w\",\"results\":[[4,2";

    assertThat(MessageHeader.identifyFromHead(parser(head))).contains(new TaskId("j", 9));
    assertThat(MessageHeader.identifyFromHead(parser("{\"version\":2,\"numbers\":[\"5\"],")))
        .isEmpty();
  }

  private MessageHeader read(String body, boolean withTask)
      throws IOException, WireFormatException {
    return MessageHeader.read(parser(body), withTask, MESSAGE_FIELDS, handedOn);
  }

  private static String text(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }

  private static JsonParser parser(String body) throws IOException {
    return JSON.createParser(body);
  }

  @FunctionalInterface
  private interface Writing {
    void writeTo(JsonGenerator json) throws IOException;
  }

  private static String written(Writing writing) throws IOException {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text)) {
      writing.writeTo(json);
      json.writeEndObject();
    }
    return text.toString();
  }
}
