package io.factorfleet.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControlCodecTest {
  private final ControlCodec codec = new ControlCodec();

  @Test
  void shouldReadBackEveryMessageItWrites() throws Exception {
    List<ControlMessage> messages =
        List.of(
            new ControlMessage.Cancel("job-1", "fleet cancel on host-a"),
            new ControlMessage.Cancelled("job-1", "fleet factor on host-b", 1234),
            new ControlMessage.Query(ControlMessage.Query.JOBS),
            new ControlMessage.Query(ControlMessage.Query.WORKERS),
            new ControlMessage.JobStatus("job-2", "host-c", "submit", 10, -1, 1_700_000_000_000L),
            new ControlMessage.WorkerStatus("worker-1", 16));

    for (ControlMessage message : messages) {
      assertThat(codec.decode(message.type(), codec.encode(message))).isEqualTo(message);
    }
  }

  @Test
  void shouldWriteTheVersionFirst() {
    String body =
        new String(
            codec.encode(new ControlMessage.Cancel("job-1", "someone")), StandardCharsets.UTF_8);

    assertThat(body).isEqualTo("{\"version\":2,\"job\":\"job-1\",\"by\":\"someone\"}");
  }

  @Test
  void shouldIgnoreFieldsItDoesNotKnow() throws Exception {
    byte[] body =
        "{\"version\":3,\"job\":\"j\",\"by\":\"x\",\"reason\":\"later\"}"
            .getBytes(StandardCharsets.UTF_8);

    assertThat(codec.decode(ControlMessage.Cancel.TYPE, body))
        .isEqualTo(new ControlMessage.Cancel("j", "x"));
  }

  @Test
  void shouldRefuseWhatItCannotReadSayingWhy() {
    assertRefused(ControlMessage.Cancel.TYPE, "not json", "not JSON");
    assertRefused(ControlMessage.Cancel.TYPE, "[1]", "not a JSON object");
    assertRefused(ControlMessage.Cancel.TYPE, "{\"version\":1,\"job\":\"j\",\"by\":\"x\"}", "2");
    assertRefused(
        ControlMessage.Cancel.TYPE, "{\"version\":2,\"job\":\"../x\",\"by\":\"x\"}", "job id");
    assertRefused(ControlMessage.Query.TYPE, "{\"version\":2,\"about\":\"queues\"}", "queues");
    assertRefused(
        ControlMessage.Cancelled.TYPE,
        "{\"version\":2,\"job\":\"j\",\"owner\":\"x\",\"done\":\"5\"}",
        "'done' is not an integer");
    assertRefused("fleet.task", "{\"version\":2}", "unknown control message type 'fleet.task'");
  }

  private void assertRefused(String type, String body, String reason) {
    assertThatThrownBy(() -> codec.decode(type, body.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining(reason);
  }
}
