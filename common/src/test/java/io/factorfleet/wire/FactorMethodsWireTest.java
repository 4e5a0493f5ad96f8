package io.factorfleet.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The optional {@code methods} of a result entry: how each factor was found. */
class FactorMethodsWireTest {
  private static final String HEADER =
      "{\"version\":2,\"job\":\"j\",\"task\":0,\"worker\":\"w\",\"nanos\":5,\"results\":[";

  private final WireCodec codec = new WireCodec();

  @Test
  void shouldRoundTripTheMethodsOfCompleteAndPartialResultsInEveryVersion() throws Exception {
    List<NumberResult> results =
        List.of(
            NumberResult.complete(
                "18446744073709551617", List.of("274177", "67280421310721"), List.of("ecm", "ecm")),
            NumberResult.partial("1000", List.of("2"), "500", List.of("trial")),
            NumberResult.complete("12", List.of("2", "2", "3")));
    for (int version = WireCodec.FIRST_VERSION; version <= WireCodec.VERSION; version++) {
      ResultMessage result = new ResultMessage(version, "job-1", 3, "w1", 1234, results);

      ResultMessage decoded = codec.decodeResult(codec.encode(result));

      assertThat(decoded).isEqualTo(result);
      assertThat(decoded.results().get(0).methods()).containsExactly("ecm", "ecm");
      assertThat(decoded.results().get(2).methods()).isNull();
    }
  }

  @Test
  void shouldWriteMethodsAfterTheFactorsAndKeepAnEntryWithMethodsAnObject() {
    ResultMessage result =
        ResultMessage.of(
            "j",
            0,
            "w",
            5,
            List.of(NumberResult.complete("12", List.of("2", "2", "3"), List.of("a", "b", "c"))));

    assertThat(new String(codec.encode(result), StandardCharsets.UTF_8))
        .isEqualTo(
            HEADER
                + "{\"n\":\"12\",\"factors\":[\"2\",\"2\",\"3\"],\"methods\":[\"a\",\"b\",\"c\"]}"
                + "]}");
  }

  @Test
  void shouldReadAnEntryWithoutMethodsAsOneWhoseMethodsAreUnknown() throws Exception {
    NumberResult entry = decodeOne("{\"n\":\"35\",\"factors\":[\"5\",\"7\"]}");

    assertThat(entry.methods()).isNull();
    assertThat(entry).isEqualTo(NumberResult.complete("35", List.of("5", "7")));
  }

  @Test
  void shouldKeepAMethodItDoesNotKnowAsSent() throws Exception {
    NumberResult entry =
        decodeOne("{\"n\":\"35\",\"factors\":[\"5\",\"7\"],\"methods\":[\"nfs\",\"trial\"]}");

    assertThat(entry.methods()).containsExactly("nfs", "trial");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"n\":\"35\",\"factors\":[\"5\",\"7\"],\"methods\":[\"trial\"]}",
        "{\"n\":\"35\",\"error\":\"bad\",\"methods\":[]}",
        "{\"n\":\"35\",\"factors\":[\"5\",\"7\"],\"methods\":\"trial\"}",
        "{\"n\":\"35\",\"factors\":[\"5\",\"7\"],\"methods\":[1,2]}"
      })
  void shouldRefuseMethodsThatAreNotOneStringPerFactor(String entry) {
    assertThatThrownBy(() -> decodeOne(entry))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("'methods'");
  }

  @Test
  void shouldRefuseToMakeAResultWithoutOneMethodPerFactor() {
    assertThatThrownBy(() -> NumberResult.complete("35", List.of("5", "7"), List.of("rho")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("there must be one method per factor but there are 1 for 2");
  }

  private NumberResult decodeOne(String entry) throws WireFormatException {
    byte[] body = (HEADER + entry + "]}").getBytes(StandardCharsets.UTF_8);
    return codec.decodeResult(body).results().get(0);
  }
}
