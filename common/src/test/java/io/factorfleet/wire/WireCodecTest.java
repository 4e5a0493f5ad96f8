package io.factorfleet.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.factorfleet.text.UnsignedDecimals;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WireCodecTest {
  private final WireCodec codec = new WireCodec(10_000);

  @Test
  void shouldRoundTripATask() throws Exception {
    TaskMessage task = TaskMessage.of("job-1", 7, List.of("12", "13"));
    assertThat(codec.decodeTask(codec.encode(task))).isEqualTo(task);
  }

  @Test
  void shouldRoundTripAResultOfEveryShape() throws Exception {
    ResultMessage result =
        ResultMessage.of(
            "job-1",
            3,
            "w1",
            1234,
            List.of(
                NumberResult.complete("12", List.of("2", "2", "3")),
                NumberResult.partial("1000", List.of("2"), "500"),
                NumberResult.refused("abc", "'abc' is not a valid positive integer")));
    assertThat(codec.decodeResult(codec.encode(result))).isEqualTo(result);
  }

  @Test
  void shouldWriteFactorsKeptAsUnsignedLongsAsTheSameBytesAsTheirTexts() {
    long[] factors = {3, 3, 3607, 3803, Long.MAX_VALUE, -1L};
    List<String> texts =
        List.of("3", "3", "3607", "3803", "9223372036854775807", "18446744073709551615");

    byte[] fromLongs = encodeOne(NumberResult.complete("n", UnsignedDecimals.of(factors, 6)));
    byte[] fromTexts = encodeOne(NumberResult.complete("n", texts));

    assertThat(new String(fromLongs, StandardCharsets.UTF_8))
        .isEqualTo(new String(fromTexts, StandardCharsets.UTF_8));
  }

  @Test
  void shouldReadCanonicalFactorsBelow2Pow63AsUnsignedLongs() throws Exception {
    NumberResult result =
        decodeOne("{\"n\":\"123456789\",\"factors\":[\"3\",\"3\",\"3607\",\"3803\"]}");

    assertThat(result.factors()).isInstanceOf(UnsignedDecimals.class);
    assertThat(result.factors()).containsExactly("3", "3", "3607", "3803");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"007", "", "+7", "3.0", "9223372036854775808", "123456789012345678901", "٣"})
  void shouldKeepAnyOtherFactorTextExactlyAsSent(String odd) throws Exception {
    NumberResult result = decodeOne("{\"n\":\"63\",\"factors\":[\"3\",\"" + odd + "\",\"7\"]}");

    assertThat(result.factors()).isNotInstanceOf(UnsignedDecimals.class);
    assertThat(result.factors()).containsExactly("3", odd, "7");
  }

  @Test
  void shouldRefuseAFactorThatIsNotAString() {
    assertThatThrownBy(() -> decodeOne("{\"n\":\"6\",\"factors\":[\"2\",3]}"))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("field 'factors' is not a string");
  }

  private byte[] encodeOne(NumberResult result) {
    return codec.encode(ResultMessage.of("j", 0, "w", 5, List.of(result)));
  }

  private NumberResult decodeOne(String entry) throws WireFormatException {
    return decodeOne(WireCodec.FIRST_VERSION, entry);
  }

  private NumberResult decodeOne(int version, String entry) throws WireFormatException {
    String body =
        "{\"version\":"
            + version
            + ",\"job\":\"j\",\"task\":0,\"worker\":\"w\",\"nanos\":5,"
            + "\"results\":["
            + entry
            + "]}";
    return codec.decodeResult(body.getBytes(StandardCharsets.UTF_8)).results().get(0);
  }

  @Test
  void shouldRoundTripASeal() throws Exception {
    SealMessage seal = SealMessage.of("job-1", 10, 1000);
    assertThat(codec.decodeSeal(codec.encode(seal))).isEqualTo(seal);
  }

  @Test
  void shouldCarryTheHostOfASealWhenGivenAndReadASealOfAnEarlierBuildWithout() throws Exception {
    SealMessage seal = SealMessage.of("job-1", 10, 1000, "build-7");

    assertThat(new String(codec.encode(seal), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"version\":2,\"job\":\"job-1\",\"tasks\":10,\"numbers\":1000,\"host\":\"build-7\"}");
    assertThat(codec.decodeSeal(codec.encode(seal))).isEqualTo(seal);
    assertThat(
            codec
                .decodeSeal(
                    "{\"version\":2,\"job\":\"job-1\",\"tasks\":10,\"numbers\":1000}"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .host())
        .isNull();
  }

  @Test
  void shouldWriteACompleteResultBelow2Pow63AsAnArrayOfIntegers() {
    List<NumberResult> results =
        List.of(
            NumberResult.complete("4", List.of("2", "2")),
            NumberResult.complete("1", List.of()),
            NumberResult.complete("9223372036854775807", UnsignedDecimals.of(MAX_LONG_FACTORS, 7)),
            NumberResult.complete("18446744073709551617", List.of("274177", "67280421310721")),
            NumberResult.partial("1000", List.of("2"), "500"),
            NumberResult.refused("x", "bad"));

    assertThat(json(ResultMessage.of("j", 0, "w", 5, results)))
        .isEqualTo(
            "{\"version\":2,\"job\":\"j\",\"task\":0,\"worker\":\"w\",\"nanos\":5,"
                + "\"results\":[[4,2,2],[1],[9223372036854775807,7,7,73,127,337,92737,649657],"
                + "{\"n\":\"18446744073709551617\",\"factors\":[\"274177\",\"67280421310721\"]},"
                + "{\"n\":\"1000\",\"factors\":[\"2\"],\"cofactor\":\"500\"},"
                + "{\"n\":\"x\",\"error\":\"bad\"}]}");
  }

  /** 2^63 - 1 = 7^2 * 73 * 127 * 337 * 92737 * 649657. */
  private static final long[] MAX_LONG_FACTORS = {7, 7, 73, 127, 337, 92737, 649657};

  @Test
  void shouldWriteResultsOfVersion1AsObjectsWithoutAbsentFields() {
    ResultMessage result =
        new ResultMessage(
            WireCodec.FIRST_VERSION,
            "j",
            0,
            "w",
            5,
            List.of(NumberResult.complete("4", UnsignedDecimals.of(new long[] {2, 2}, 2))));

    assertThat(json(result))
        .isEqualTo(
            "{\"version\":1,\"job\":\"j\",\"task\":0,\"worker\":\"w\",\"nanos\":5,"
                + "\"results\":[{\"n\":\"4\",\"factors\":[\"2\",\"2\"]}]}");
  }

  @Test
  void shouldReadAResultOfIntegersAsTheSameResultAsOneOfStrings() throws Exception {
    NumberResult fromArray = decodeOne(2, "[123456789,3,3,3607,3803]");
    NumberResult fromObject =
        decodeOne(2, "{\"n\":\"123456789\",\"factors\":[\"3\",\"3\",\"3607\",\"3803\"]}");

    assertThat(fromArray).isEqualTo(fromObject);
    assertThat(fromArray.factors()).isInstanceOf(UnsignedDecimals.class);
    assertThat(decodeOne(2, "[1]")).isEqualTo(NumberResult.complete("1", List.of()));
  }

  @Test
  void shouldRoundTripResultsOfBothVersions() throws Exception {
    List<NumberResult> results =
        List.of(
            NumberResult.complete("12", UnsignedDecimals.of(new long[] {2, 2, 3}, 3)),
            NumberResult.complete("18446744073709551617", List.of("274177", "67280421310721")),
            NumberResult.refused("abc", "'abc' is not a valid positive integer"));
    for (int version = WireCodec.FIRST_VERSION; version <= WireCodec.VERSION; version++) {
      ResultMessage result = new ResultMessage(version, "job-1", 3, "w1", 1234, results);
      assertThat(codec.decodeResult(codec.encode(result))).isEqualTo(result);
    }
  }

  @Test
  void shouldRefuseAResultOfIntegersInVersion1() {
    assertThatThrownBy(() -> decodeOne(1, "[4,2,2]"))
        .isInstanceOf(WireFormatException.class)
        .hasMessage(
            "not a ResultMessage: an entry of 'results' is an array, which needs schema version 2");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[]",
        "[-4]",
        "[-0]",
        "[4,-2]",
        "[4,\"2\",\"2\"]",
        "[4,2.0,2]",
        "[4,2e0,2]",
        "[9223372036854775808]",
        "[4,[2,2]]",
        "[4,null]",
        "[\"4\",2,2]"
      })
  void shouldRefuseAResultArrayOfAnythingButIntegersBelow2Pow63(String entry) {
    assertThatThrownBy(() -> decodeOne(2, entry))
        .isInstanceOf(WireFormatException.class)
        .hasMessageStartingWith("not a ResultMessage: an entry of 'results'");
  }

  private String json(ResultMessage result) {
    return new String(codec.encode(result), StandardCharsets.UTF_8);
  }

  @Test
  void shouldIgnoreFieldsItDoesNotKnow() throws Exception {
    TaskMessage task =
        decodeTask("{\"version\":1,\"job\":\"j\",\"task\":0,\"numbers\":[\"5\"],\"extra\":true}");
    assertThat(task.numbers()).containsExactly("5");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not json",
        "[1,2]",
        "{\"job\":\"j\",\"task\":0,\"numbers\":[\"5\"]}",
        "{\"version\":\"1\",\"job\":\"j\",\"task\":0,\"numbers\":[\"5\"]}",
        "{\"version\":1,\"task\":0,\"numbers\":[\"5\"]}",
        "{\"version\":1,\"job\":\"j\",\"numbers\":[\"5\"]}",
        "{\"version\":1,\"job\":\"j\",\"task\":0}",
        "{\"version\":1,\"job\":\"j\",\"task\":0,\"numbers\":[]}",
        "{\"version\":1,\"job\":\"j\",\"task\":-1,\"numbers\":[\"5\"]}",
        "{\"version\":1,\"job\":\"j\",\"task\":\"zero\",\"numbers\":[\"5\"]}",
        "{\"version\":1,\"job\":\"j\",\"task\":0,\"numbers\":\"5\"}",
        "{\"version\":1,\"job\":\"j\",\"task\":0,\"numbers\":[null]}",
        "{\"version\":1,\"job\":\"../etc\",\"task\":0,\"numbers\":[\"5\"]}",
        "{\"version\":1,\"job\":\"\",\"task\":0,\"numbers\":[\"5\"]}",
        "{\"version\":1,\"job\":\"j\",\"task\":0,\"numbers\":[\"5\"]} trailing"
      })
  void shouldRefuseMalformedTasks(String body) {
    assertThatThrownBy(() -> decodeTask(body)).isInstanceOf(WireFormatException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"worker\":\"w\",\"nanos\":1,\"results\":[null]",
        "\"worker\":\"w\",\"nanos\":1,\"results\":{}",
        "\"worker\":\"w\",\"nanos\":1,\"results\":[{\"factors\":[\"2\"]}]",
        "\"worker\":\"w\",\"nanos\":1,\"results\":[{\"n\":4,\"factors\":[\"2\",\"2\"]}]",
        "\"worker\":\"w\",\"nanos\":1,\"results\":[{\"n\":\"4\",\"factors\":[2,2]}]",
        "\"worker\":\"w\",\"nanos\":1,\"results\":[{\"n\":\"4\",\"factors\":[null]}]",
        "\"worker\":\"w\",\"nanos\":1.5,\"results\":[]",
        "\"worker\":\"w\",\"nanos\":99999999999999999999,\"results\":[]",
        "\"nanos\":1,\"results\":[]",
        "\"worker\":\"w\",\"results\":[]",
        "\"worker\":\"w\",\"nanos\":1"
      })
  void shouldRefuseMalformedResults(String fields) {
    String body = "{\"version\":1,\"job\":\"j\",\"task\":0," + fields + "}";
    assertThatThrownBy(() -> codec.decodeResult(body.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(WireFormatException.class)
        .hasMessageStartingWith("not a ResultMessage: ");
  }

  @Test
  void shouldNameTheFieldThatIsWrong() {
    assertThatThrownBy(
            () -> decodeTask("{\"version\":1,\"job\":\"j\",\"task\":\"0\",\"numbers\":[\"5\"]}"))
        .hasMessage("not a TaskMessage: field 'task' is not an integer");
    assertThatThrownBy(() -> decodeTask("{\"version\":1,\"job\":\"j\",\"task\":0}"))
        .hasMessage("not a TaskMessage: field 'numbers' is missing");
  }

  @Test
  void shouldNameAnUnknownSchemaVersion() {
    assertThatThrownBy(() -> decodeTask("{\"version\":3,\"job\":\"j\",\"task\":0,\"numbers\":[]}"))
        .isInstanceOf(WireFormatException.class)
        .hasMessage("unknown schema version 3 (this build reads 1 to 2)");
    assertThatThrownBy(() -> decodeTask("{\"version\":0,\"job\":\"j\",\"task\":0,\"numbers\":[]}"))
        .hasMessage("unknown schema version 0 (this build reads 1 to 2)");
  }

  @Test
  void shouldReadTasksOfEveryVersionItKnows() throws Exception {
    for (int version = WireCodec.FIRST_VERSION; version <= WireCodec.VERSION; version++) {
      TaskMessage task =
          decodeTask("{\"version\":" + version + ",\"job\":\"j\",\"task\":0,\"numbers\":[\"5\"]}");
      assertThat(task.version()).isEqualTo(version);
    }
  }

  @Test
  void shouldRefuseOversizeBodiesWithoutParsingThem() {
    byte[] body = new byte[10_001];
    assertThatThrownBy(() -> codec.decodeTask(body))
        .hasMessage("body of 10001 bytes is over the limit of 10000");
  }

  @Test
  void shouldNameTheTaskOfAnOversizeResultFromItsFirstFields() {
    List<NumberResult> results = new java.util.ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      results.add(NumberResult.complete("1000000007", List.of("1000000007")));
    }
    byte[] body = codec.encode(ResultMessage.of("job-9", 41, "w1", 5, results));
    assertThat(body.length).isGreaterThan(10_000);

    assertThatThrownBy(() -> codec.decodeResult(body)).hasMessageContaining("over the limit");
    assertThat(codec.identify(body)).contains(new WireCodec.TaskId("job-9", 41));
  }

  @Test
  void shouldNotNameATaskForAnOversizeBodyThatDoesNotStartWithOne() {
    String numbers = "[" + "\"7\",".repeat(3_000) + "\"7\"]";
    byte[] numbersFirst =
        ("{\"numbers\":" + numbers + ",\"version\":1,\"job\":\"j\",\"task\":1}")
            .getBytes(StandardCharsets.UTF_8);
    byte[] garbage = new byte[20_000];

    assertThat(codec.identify(numbersFirst)).isEmpty();
    assertThat(codec.identify(garbage)).isEmpty();
  }

  @Test
  void shouldRefuseBinaryGarbage() {
    byte[] garbage = {(byte) 0xff, 0, 1, 2, (byte) 0x80};
    assertThatThrownBy(() -> codec.decodeTask(garbage)).isInstanceOf(WireFormatException.class);
  }

  @Test
  void shouldRefuseAResultEntryWithNeitherFactorsNorError() {
    String body =
        "{\"version\":1,\"job\":\"j\",\"task\":0,\"worker\":\"w\",\"nanos\":1,\"results\":[{\"n\":\"4\"}]}";
    assertThatThrownBy(() -> codec.decodeResult(body.getBytes(StandardCharsets.UTF_8)))
        .hasMessage("result for 4 has neither factors nor an error");
  }

  private TaskMessage decodeTask(String body) throws WireFormatException {
    return codec.decodeTask(body.getBytes(StandardCharsets.UTF_8));
  }
}
