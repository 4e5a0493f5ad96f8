package io.factorfleet.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnitMessagesTest {
  private final WireCodec codec = new WireCodec();

  @Test
  void sieveUnitSurvivesTheRoundTrip() throws WireFormatException {
    UnitMessage unit =
        UnitMessage.sieve(
            "job-1",
            3,
            17,
            "1000000000000000000000000000000000000000000000000000000000000000007",
            new UnitMessage.Sieve(3, 9000, 65536, 60, 64, 40.5, 64, 0, 120, 8));
    assertThat(codec.decodeUnit(codec.encode(unit))).isEqualTo(unit);
  }

  @Test
  void ecmUnitSurvivesTheRoundTrip() throws WireFormatException {
    UnitMessage unit =
        UnitMessage.ecm(
            "job-1", 0, 2, "123456789012345678901", new UnitMessage.Ecm(500, 25000, 14, 8));
    assertThat(codec.decodeUnit(codec.encode(unit))).isEqualTo(unit);
  }

  @Test
  void unitAnswerKeepsEveryRelation() throws WireFormatException {
    UnitResultMessage answer =
        UnitResultMessage.found(
            "job-1",
            3,
            17,
            "w1",
            5,
            null,
            List.of(
                new UnitResultMessage.Relation("-12345", true, 1, 1, new int[] {2, 3, 3, 7}),
                new UnitResultMessage.Relation("678", false, 104729, 1, new int[] {5})));
    assertThat(codec.decodeUnitResult(codec.encode(answer))).isEqualTo(answer);
  }

  @Test
  void unitWithBothKindsOfWorkIsRefused() {
    byte[] body =
        ("{\"version\":2,\"job\":\"j\",\"number\":0,\"unit\":0,\"n\":\"35\","
                + "\"ecm\":{\"b1\":1,\"b2\":2,\"sigma\":6,\"curves\":1},"
                + "\"sieve\":{\"multiplier\":1}}")
            .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> codec.decodeUnit(body)).isInstanceOf(WireFormatException.class);
  }

  @Test
  void relationWithABadSignIsRefused() {
    byte[] body =
        ("{\"version\":2,\"job\":\"j\",\"number\":0,\"unit\":0,\"worker\":\"w\",\"nanos\":1,"
                + "\"relations\":[[\"5\",0,1,1,2]]}")
            .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> codec.decodeUnitResult(body))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("sign");
  }

  @Test
  void unitWithANegativeIndexIsRefused() {
    UnitMessage unit =
        UnitMessage.ecm("j", -1, 0, "123456789012345678901", new UnitMessage.Ecm(500, 25000, 6, 8));
    assertThatThrownBy(() -> codec.decodeUnit(codec.encode(unit)))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("negative index");
  }
}
