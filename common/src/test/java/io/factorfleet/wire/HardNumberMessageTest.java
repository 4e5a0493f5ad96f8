package io.factorfleet.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HardNumberMessageTest {
  private static final String N =
      "15813512121936773411169931258122792556605403613807980794244599721";

  private final WireCodec codec = new WireCodec();

  @Test
  void shouldReadAHardNumberWrittenAsATaskOfOneNumber() throws WireFormatException {
    TaskMessage hard = TaskMessage.of("job-1", 4, List.of(N));

    assertThat(codec.decodeHardNumber(codec.encode(hard))).isEqualTo(hard);
  }

  @Test
  void shouldRefuseAHardNumberTaskOfTwoNumbers() {
    byte[] body = codec.encode(TaskMessage.of("job-1", 4, List.of(N, "12")));

    assertThatThrownBy(() -> codec.decodeHardNumber(body))
        .isInstanceOf(WireFormatException.class)
        .hasMessage("hard number of task 4 of job job-1 holds 2 numbers instead of one");
  }

  @Test
  void shouldRefuseAHardNumberThatIsNotACanonicalDecimal() {
    byte[] body = codec.encode(TaskMessage.of("job-1", 4, List.of("0" + N)));

    assertThatThrownBy(() -> codec.decodeHardNumber(body))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("is not a canonical decimal");
  }

  @Test
  void shouldRefuseAHardNumberWithoutAnyNumber() {
    byte[] body =
        "{\"version\":2,\"job\":\"job-1\",\"task\":4,\"numbers\":[]}"
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> codec.decodeHardNumber(body))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("has no numbers");
  }

  @Test
  void shouldNameItsAmqpType() {
    assertThat(MessageKind.fromType("fleet.hard-number")).contains(MessageKind.HARD_NUMBER);
  }
}
