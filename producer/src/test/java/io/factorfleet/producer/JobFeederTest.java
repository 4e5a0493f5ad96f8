package io.factorfleet.producer;

import static org.assertj.core.api.Assertions.assertThat;

import io.factorfleet.producer.input.TokenSource;
import io.factorfleet.text.NumberParser;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobFeederTest {

  /** Records what the feeder does, in order. */
  private static final class Recorder implements JobFeeder.Steps {
    final List<String> events = new ArrayList<>();
    final List<List<String>> tasks = new ArrayList<>();

    @Override
    public long nextTask() {
      return tasks.size();
    }

    @Override
    public void dispatch(long index, List<String> numbers) {
      events.add("task " + index + " " + numbers.size());
      tasks.add(List.copyOf(numbers));
    }

    @Override
    public void invalid(String message) {
      events.add("invalid");
    }
  }

  private static JobFeeder.Summary feed(int chunkSize, List<String> tokens, Recorder recorder)
      throws Exception {
    return new JobFeeder(new NumberParser(100_000), BatchSizer.fixed(chunkSize))
        .feed(TokenSource.of(tokens), recorder);
  }

  @Test
  void shouldCutTheInputIntoTasksOfTheChosenSizeInInputOrder() throws Exception {
    Recorder recorder = new Recorder();
    JobFeeder.Summary summary = feed(2, List.of("4", "6", "8", "10", "12"), recorder);

    assertThat(recorder.tasks)
        .containsExactly(List.of("4", "6"), List.of("8", "10"), List.of("12"));
    assertThat(summary).isEqualTo(new JobFeeder.Summary(3, 5, 0));
  }

  @Test
  void shouldReportAnInvalidTokenBetweenTheTasksAroundIt() throws Exception {
    Recorder recorder = new Recorder();
    JobFeeder.Summary summary = feed(10, List.of("4", "6", "x", "8"), recorder);

    assertThat(recorder.events).containsExactly("task 0 2", "invalid", "task 1 1");
    assertThat(summary).isEqualTo(new JobFeeder.Summary(2, 3, 1));
  }

  @Test
  void shouldCloseATaskBeforeItCarriesMoreThanTheDigitLimit() throws Exception {
    String large = "9" + String.join("", Collections.nCopies(9_999, "1")); // 10,000 digits
    List<String> tokens = Collections.nCopies(45, large);
    Recorder recorder = new Recorder();

    JobFeeder.Summary summary = feed(10_000, tokens, recorder);

    int perTask = JobFeeder.MAX_TASK_DIGITS / large.length();
    assertThat(recorder.tasks).hasSize(3);
    assertThat(recorder.tasks.get(0)).hasSize(perTask);
    assertThat(recorder.tasks.get(1)).hasSize(perTask);
    assertThat(recorder.tasks.get(2)).hasSize(45 - 2 * perTask);
    assertThat(summary.numbers()).isEqualTo(45);
  }

  @Test
  void shouldCarryNumbersOfTheLongestAcceptedLengthTwoPerTask() throws Exception {
    String longest = "7" + String.join("", Collections.nCopies(99_999, "0")); // 100,000 digits
    Recorder recorder = new Recorder();

    feed(100, List.of(longest, longest, longest, "4"), recorder);

    assertThat(recorder.events).containsExactly("task 0 2", "task 1 2");
  }

  @Test
  void shouldPutTenThousandCheapNumbersInATaskWhenSizingByEstimate() throws Exception {
    Recorder recorder = new Recorder();
    List<String> nineDigits = Collections.nCopies(25_000, "123456789");

    new JobFeeder(new NumberParser(100), BatchSizer.estimated())
        .feed(TokenSource.of(nineDigits), recorder);

    assertThat(recorder.events).containsExactly("task 0 10000", "task 1 10000", "task 2 5000");
  }

  @Test
  void shouldEndATaskOnceTheEstimatedTimeOfItsNumbersReachesTheTarget() throws Exception {
    Recorder recorder = new Recorder();
    String nineteenDigits = "1000000000000000003";
    String thirtyDigits = "1" + "0".repeat(28) + "7";
    String fortyDigits = "1" + "0".repeat(38) + "9";
    List<String> tokens = new ArrayList<>(Collections.nCopies(2 * 909, nineteenDigits));
    tokens.addAll(Collections.nCopies(4, thirtyDigits));
    tokens.addAll(Collections.nCopies(2, fortyDigits));

    new JobFeeder(new NumberParser(100), BatchSizer.estimated())
        .feed(TokenSource.of(tokens), recorder);

    // 50 ms is 909 numbers of 19 digits at 55 us, 3 of 30 digits at 13.5 ms; 40 digits go alone
    assertThat(recorder.events)
        .containsExactly(
            "task 0 909", "task 1 909", "task 2 3", "task 3 1", "task 4 1", "task 5 1");
  }
}
