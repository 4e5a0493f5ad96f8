package io.factorfleet.worker.warmup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.factorfleet.text.NumberParser;
import io.factorfleet.wire.NumberResult;
import io.factorfleet.wire.ResultMessage;
import io.factorfleet.wire.TaskMessage;
import io.factorfleet.worker.TaskProcessor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class WarmUpTest {
  private static final WarmUpSample SMALL = WarmUpSample.draw(0.05);
  private final TaskProcessor processor =
      new TaskProcessor(
          Duration.ofMinutes(1), Duration.ofMinutes(5), new NumberParser(100), "warm-up-test");

  @Test
  void shouldFactorAndCheckTheWholeSampleOnEveryThread() throws Exception {
    AtomicInteger numbers = new AtomicInteger();
    Function<TaskMessage, ResultMessage> counting =
        task -> {
          numbers.addAndGet(task.numbers().size());
          return processor.process(task);
        };

    new WarmUp(SMALL, counting, 2).run(() -> false);

    assertThat(numbers.get()).isEqualTo(SMALL.numbers().size());
  }

  @Test
  void shouldPassTheFullSampleWithTheEngineOfThisBuild() throws Exception {
    WarmUp warmUp = WarmUp.forWorker("w1", Runtime.getRuntime().availableProcessors());

    assertThat(warmUp.run(() -> false)).isPositive();
    assertThat(warmUp.numbers()).isEqualTo(WarmUpSample.draw(1).numbers().size());
  }

  @Test
  void shouldFailNamingTheNumberTheEngineAnsweredWrongly() {
    KnownFactorization victim = SMALL.numbers().get(3);
    Function<TaskMessage, ResultMessage> wrong = task -> corrupt(processor.process(task), victim);

    assertThatThrownBy(() -> new WarmUp(SMALL, wrong, 2).run(() -> false))
        .isInstanceOf(EngineCheckFailedException.class)
        .hasMessage(
            "the factoring engine answered "
                + victim.number()
                + " with '"
                + victim.number()
                + ": 1 "
                + victim.number()
                + "' instead of "
                + String.join(" ", victim.primes())
                + "; this worker takes no task");
  }

  @Test
  void shouldFailWhenTheEngineAnswersTooFewNumbers() {
    Function<TaskMessage, ResultMessage> short_ =
        task -> {
          ResultMessage full = processor.process(task);
          return new ResultMessage(
              full.version(),
              full.job(),
              full.task(),
              full.worker(),
              full.nanos(),
              full.results().subList(1, full.results().size()));
        };

    assertThatThrownBy(() -> new WarmUp(SMALL, short_, 1).run(() -> false))
        .isInstanceOf(EngineCheckFailedException.class)
        .hasMessageContaining("numbers of a warm-up task of");
  }

  @Test
  void shouldStopBetweenTasksWhenAsked() throws Exception {
    AtomicInteger tasks = new AtomicInteger();

    new WarmUp(
            SMALL,
            task -> {
              tasks.incrementAndGet();
              return processor.process(task);
            },
            1)
        .run(() -> tasks.get() >= 1);

    assertThat(tasks.get()).isEqualTo(1);
    assertThat(SMALL.numbers().size()).isGreaterThan(WarmUp.TASK_SIZE);
  }

  /** The result with {@code victim} answered as 1 times itself. */
  private static ResultMessage corrupt(ResultMessage result, KnownFactorization victim) {
    List<NumberResult> results = new ArrayList<>(result.results());
    for (int i = 0; i < results.size(); i++) {
      if (results.get(i).n().equals(victim.number())) {
        results.set(i, NumberResult.complete(victim.number(), List.of("1", victim.number())));
      }
    }
    return new ResultMessage(
        result.version(), result.job(), result.task(), result.worker(), result.nanos(), results);
  }
}
