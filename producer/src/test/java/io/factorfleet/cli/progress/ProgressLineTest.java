package io.factorfleet.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
  @Test
  void shouldShowABarTheShareTheRateAndTheTimeLeftWhenTheTotalIsKnown() {
    String line = ProgressLine.render(25_000, 100_000, Duration.ofSeconds(5), 60);

    assertThat(line).isEqualTo("[####--------------] 25,000/100,000  25%  5,000/s  ETA 0:15");
    assertThat(line).hasSize(59);
  }

  @Test
  void shouldShowTheCountTheRateAndTheTimeSpentWhenTheTotalIsUnknown() {
    String line = ProgressLine.render(12_345, -1, Duration.ofSeconds(75), 80);

    assertThat(line).isEqualTo("12,345 numbers  165/s  1:15");
  }

  @Test
  void shouldLeaveTheBarOutOnANarrowTerminal() {
    String line = ProgressLine.render(1, 4, Duration.ofSeconds(1), 30);

    assertThat(line).isEqualTo("1/4  25%  1/s  ETA 0:03");
  }

  @Test
  void shouldNeverFillTheLastColumnSoThatTheLineDoesNotWrap() {
    String line = ProgressLine.render(1_000_000, 2_000_000, Duration.ofHours(2), 20);

    assertThat(line).hasSize(19);
  }

  @Test
  void shouldNotGuessATimeLeftBeforeAnythingIsDone() {
    assertThat(ProgressLine.render(0, 10, Duration.ofSeconds(1), 40)).endsWith("ETA --:--");
  }

  @Test
  void shouldTakeTheLineAwayBeforeOtherOutputAndWhenClosed() throws Exception {
    StringWriter terminal = new StringWriter();
    StatusLine status = StatusLine.on(terminal, 12, 10);
    Writer errors = status.guard(terminal);

    status.start(() -> 5);
    org.awaitility.Awaitility.await().until(() -> !terminal.toString().isEmpty());
    errors.write("fleet: oops\n");
    status.close();

    String written = terminal.toString();
    String blank = "\r" + " ".repeat(11) + "\r";
    assertThat(written).startsWith("\r5/10  50%").contains(blank + "fleet: oops\n");
    // Nothing of the line is left on the screen: it ends with the error, or with the line blanked.
    assertThat(written)
        .satisfiesAnyOf(
            all -> assertThat(all).endsWith("fleet: oops\n"),
            all -> assertThat(all).endsWith(blank));
  }

  @Test
  void shouldTakeTheLineAwayBeforeResultsWrittenAsBytes() throws Exception {
    StringWriter terminal = new StringWriter();
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    StatusLine status = StatusLine.on(terminal, 12, 10);
    OutputStream results = status.guard(stdout);

    status.start(() -> 5);
    org.awaitility.Awaitility.await().until(() -> !terminal.toString().isEmpty());
    results.write("4: 2 2\n".getBytes(StandardCharsets.US_ASCII));
    String beforeClose = terminal.toString();
    status.close();

    assertThat(beforeClose).contains("\r" + " ".repeat(11) + "\r");
    assertThat(stdout.toString(StandardCharsets.US_ASCII)).isEqualTo("4: 2 2\n");
  }

  @Test
  void shouldWriteNothingWhenOff() throws Exception {
    StringWriter terminal = new StringWriter();
    try (StatusLine status = StatusLine.off()) {
      status.start(() -> 5);
      assertThat(status.guard(terminal)).isSameAs(terminal);
      assertThat(status.guard(System.out)).isSameAs(System.out);
    }

    assertThat(terminal.toString()).isEmpty();
  }
}
