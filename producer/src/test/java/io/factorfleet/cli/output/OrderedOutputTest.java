package io.factorfleet.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.factorfleet.aggregator.ResultSink;
import io.factorfleet.wire.NumberResult;
import io.factorfleet.wire.ResultMessage;
import io.factorfleet.wire.SealMessage;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OrderedOutputTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final StringWriter err = new StringWriter();

  @Test
  void shouldPrintResultsInInputOrderWhateverOrderTheyArriveIn() throws Exception {
    OrderedOutput output = anOutput(10);
    output.expectTask();
    output.expectTask();
    output.expectTask();

    output.accept(aResult(2, "9", "3", "3"));
    output.accept(aResult(1, "4", "2", "2"));
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    output.accept(aResult(0, "1"));

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("1:\n4: 2 2\n9: 3 3\n");
  }

  @Test
  void shouldShowErrorsAtTheirPlaceInTheInput() throws Exception {
    OrderedOutput output = anOutput(10);
    output.expectTask();
    output.addError("'x' is not a valid positive integer");
    output.expectTask();

    output.accept(aResult(1, "9", "3", "3"));
    assertThat(err.toString()).isEmpty();
    output.accept(aResult(0, "4", "2", "2"));

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("4: 2 2\n9: 3 3\n");
    assertThat(err.toString()).isEqualTo("fleet: 'x' is not a valid positive integer\n");
    assertThat(output.errorsShown()).isTrue();
  }

  @Test
  void shouldDropDuplicatesBeforeAndAfterPrinting() throws Exception {
    OrderedOutput output = anOutput(10);
    output.expectTask();
    output.expectTask();

    assertThat(output.accept(aResult(1, "9", "3", "3"))).isTrue();
    assertThat(output.accept(aResult(1, "9", "3", "3"))).isFalse();
    assertThat(output.accept(aResult(0, "4", "2", "2"))).isTrue();
    assertThat(output.accept(aResult(0, "4", "2", "2"))).isFalse();

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("4: 2 2\n9: 3 3\n");
  }

  @Test
  void shouldRefuseResultsOfTasksItNeverSent() throws Exception {
    OrderedOutput output = anOutput(10);
    output.expectTask();
    assertThatThrownBy(() -> output.accept(aResult(1, "4", "2", "2")))
        .isInstanceOf(ResultSink.UnknownTaskException.class);
    assertThatThrownBy(() -> output.accept(ResultMessage.of("other", 0, "w", 1, List.of())))
        .isInstanceOf(ResultSink.UnknownTaskException.class);
  }

  @Test
  void shouldCompleteOnceSealedAndEverythingIsPrinted() throws Exception {
    OrderedOutput output = anOutput(10);
    output.expectTask();
    output.seal(SealMessage.of("job", 1, 1));
    assertThat(output.isComplete()).isFalse();

    output.accept(aResult(0, "4", "2", "2"));

    assertThat(output.isComplete()).isTrue();
    output.awaitCompletion();
  }

  @Test
  void shouldMakeTheProducerWaitWhileItIsFull() throws Exception {
    OrderedOutput output = anOutput(2);
    output.expectTask();
    output.expectTask();

    CompletableFuture<Long> third =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return output.expectTask();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(third).isNotDone();

    output.accept(aResult(0, "4", "2", "2"));

    assertThat(third.get(10, TimeUnit.SECONDS)).isEqualTo(2);
  }

  @Test
  void shouldShowPartialResultsAsErrors() throws Exception {
    OrderedOutput output = anOutput(10);
    output.expectTask();
    output.accept(
        ResultMessage.of(
            "job",
            0,
            "w",
            1,
            List.of(NumberResult.partial("1000", List.of("2", "2", "2"), "125"))));

    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(err.toString())
        .isEqualTo(
            "fleet: '1000' was not fully factored within the time budget: found 2 2 2,"
                + " composite 125 left\n");
  }

  private OrderedOutput anOutput(int capacity) {
    return new OrderedOutput("job", out, err, "fleet", capacity);
  }

  private static ResultMessage aResult(long task, String n, String... factors) {
    return ResultMessage.of(
        "job", task, "w", 1, List.of(NumberResult.complete(n, List.of(factors))));
  }
}
