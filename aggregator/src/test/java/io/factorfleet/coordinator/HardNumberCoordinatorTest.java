package io.factorfleet.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.factorfleet.engine.FactoringListener;
import io.factorfleet.wire.ResultMessage;
import io.factorfleet.wire.UnitMessage;
import io.factorfleet.wire.UnitResultMessage;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Hard numbers of several jobs on one coordinator, as the aggregator service runs it. */
class HardNumberCoordinatorTest {
  /** A balanced semiprime of 65 digits: its pretest and sieve go to the fleet. */
  private static final String N =
      new BigInteger("91575185092637057423651824205339")
          .multiply(new BigInteger("172683376025283417010904107398539"))
          .toString();

  private final List<UnitMessage> sent = new CopyOnWriteArrayList<>();
  private final List<String> done = new CopyOnWriteArrayList<>();
  private final List<ResultMessage> answers = new CopyOnWriteArrayList<>();

  /** A fleet that takes units and never answers them. */
  private final UnitSender silentFleet =
      new UnitSender() {
        @Override
        public void send(UnitMessage unit) {
          sent.add(unit);
        }

        @Override
        public void unitsDone(String job, long number, long below) {
          done.add(job + "/" + number + " below " + below);
        }
      };

  @Test
  void shouldStopACancelledJobsNumberTellTheWorkersAndGiveNoAnswer() {
    try (HardNumberCoordinator coordinator =
        new HardNumberCoordinator(
            silentFleet, () -> 2, SpooledAnswers.NONE, answers::add, n -> FactoringListener.NONE)) {
      coordinator.factor("job-a", 4, N);
      coordinator.factor("job-a", 5, N);
      // twice the workers' two: each worker thread's unit and the one waiting for it
      await().atMost(Duration.ofSeconds(30)).until(() -> sent.size() == 4);

      coordinator.cancel("job-a");

      await().atMost(Duration.ofSeconds(10)).until(() -> coordinator.pending() == 0);
      assertThat(done).containsExactly("job-a/4 below " + (sent.get(3).unit() + 1));
      assertThat(sent).extracting(UnitMessage::number).containsOnly(4L);
      assertThat(answers).isEmpty();
    }
  }

  @Test
  void shouldAnswerANumberWhoseUnitsTheWorkersRefuseWithTheirReason() {
    RefusingFleet fleet = new RefusingFleet("the number is too long");
    try (HardNumberCoordinator coordinator =
        new HardNumberCoordinator(
            fleet, () -> 1, SpooledAnswers.NONE, answers::add, n -> FactoringListener.NONE)) {
      fleet.answerTo(coordinator::accept);
      coordinator.factor("job-a", 4, N);

      await().atMost(Duration.ofSeconds(30)).until(() -> !answers.isEmpty());
      assertThat(answers.get(0).results().get(0).error())
          .contains("the fleet could not factor " + N)
          .contains("worker w1 refused a unit of it: the number is too long");
      assertThat(fleet.done()).anyMatch(d -> d.startsWith("job-a/4 below "));
    }
  }

  @Test
  void shouldHandAnAnswerOnlyToTheNumberItIsFor() {
    try (HardNumberCoordinator coordinator =
        new HardNumberCoordinator(
            silentFleet, () -> 1, SpooledAnswers.NONE, answers::add, n -> FactoringListener.NONE)) {
      coordinator.factor("job-a", 4, N);
      await().atMost(Duration.ofSeconds(30)).until(() -> !sent.isEmpty());

      boolean taken =
          coordinator.accept(UnitResultMessage.found("job-a", 4, 0, "w1", 1, null, List.of()));
      boolean otherJob =
          coordinator.accept(UnitResultMessage.found("job-b", 4, 0, "w1", 1, null, List.of()));

      assertThat(taken).isTrue();
      assertThat(otherJob).isFalse();
      coordinator.cancel("job-a");
    }
  }
}
