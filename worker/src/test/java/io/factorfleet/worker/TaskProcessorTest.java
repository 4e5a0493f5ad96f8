package io.factorfleet.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.factorfleet.engine.FactorMethod;
import io.factorfleet.text.NumberParser;
import io.factorfleet.wire.NumberResult;
import io.factorfleet.wire.ResultMessage;
import io.factorfleet.wire.TaskMessage;
import io.factorfleet.wire.WireCodec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskProcessorTest {
  private final TaskProcessor processor =
      new TaskProcessor(Duration.ofSeconds(30), Duration.ofMinutes(1), new NumberParser(30), "w1");

  @Test
  void shouldStopATaskAtTheNextNumberOnceToldTo() {
    java.util.concurrent.atomic.AtomicInteger asked =
        new java.util.concurrent.atomic.AtomicInteger();

    assertThat(
            processor.process(
                TaskMessage.of("job", 0, List.of("12", "13", "14")),
                () -> asked.incrementAndGet() > 2))
        .isEmpty();
    assertThat(asked).hasValue(3);
    assertThat(processor.process(TaskMessage.of("job", 0, List.of("12")), () -> false))
        .hasValueSatisfying(result -> assertThat(result.results()).hasSize(1));
  }

  @Test
  void shouldAnswerEveryNumberInTaskOrder() {
    ResultMessage result =
        processor.process(
            TaskMessage.of("job", 4, List.of("12", "0", "1", "18446744073709551617")));
    assertThat(result.job()).isEqualTo("job");
    assertThat(result.task()).isEqualTo(4);
    assertThat(result.worker()).isEqualTo("w1");
    assertThat(result.results())
        .containsExactly(
            NumberResult.complete("12", List.of("2", "2", "3")),
            NumberResult.complete("0", List.of()),
            NumberResult.complete("1", List.of()),
            NumberResult.complete(
                "18446744073709551617",
                List.of("274177", "67280421310721"),
                List.of("ecm", "ecm")));
  }

  @Test
  void shouldSayHowEachFactorWasFoundFrom2Pow64OnAndNotBelow() {
    // 2^64 + 1 = 274177 * 67280421310721; 2^63 + 1 = 3^3 * 19 * 43 * 5419 * 77158673929
    ResultMessage result =
        processor.process(
            TaskMessage.of("job", 0, List.of("18446744073709551617", "9223372036854775809")));

    assertThat(result.results().get(0).methods()).hasSize(2).allMatch(LABELS::contains);
    assertThat(result.results().get(1).methods()).isNull();
  }

  private static final List<String> LABELS =
      java.util.Arrays.stream(FactorMethod.values()).map(FactorMethod::label).toList();

  @Test
  void shouldAnswerATaskInTheSchemaVersionItWasWrittenIn() {
    TaskMessage earlier = new TaskMessage(WireCodec.FIRST_VERSION, "job", 0, List.of("12"));
    TaskMessage current = TaskMessage.of("job", 1, List.of("12"));

    assertThat(processor.process(earlier).version()).isEqualTo(WireCodec.FIRST_VERSION);
    assertThat(processor.process(current).version()).isEqualTo(WireCodec.VERSION);
  }

  @Test
  void shouldRefuseABadNumberAndAnswerTheRestOfTheTask() {
    ResultMessage result =
        processor.process(TaskMessage.of("job", 0, List.of("x1", "9", "-4", "1".repeat(31))));
    assertThat(result.results())
        .extracting(NumberResult::error)
        .containsExactly(
            "'x1' is not a valid positive integer",
            null,
            "'-4' is not a valid positive integer",
            "'" + "1".repeat(31) + "' has 31 digits, over the limit of 30");
    assertThat(result.results().get(1)).isEqualTo(NumberResult.complete("9", List.of("3", "3")));
  }

  @Test
  void shouldRefuseTheNumbersLeftWhenTheTaskIsCancelled() {
    Thread.currentThread().interrupt();
    ResultMessage result;
    try {
      result = processor.process(TaskMessage.of("job", 0, List.of("12", "13")));
    } finally {
      Thread.interrupted();
    }
    assertThat(result.results())
        .extracting(NumberResult::error)
        .containsExactly(
            "'12' was not factored: its task's time budget of PT1M ran out",
            "'13' was not factored: its task's time budget of PT1M ran out");
  }
}
