package io.factorfleet.aggregator.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.factorfleet.aggregator.Aggregator.Outcome;
import io.factorfleet.aggregator.service.SpoolEntry.Recording;
import io.factorfleet.wire.NumberResult;
import io.factorfleet.wire.ResultMessage;
import io.factorfleet.wire.SealMessage;
import io.factorfleet.wire.UnitResultMessage;
import io.factorfleet.wire.WireCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hard number and the answers to its units in the spool, across restarts and cancels. */
class HardNumberSpoolTest {
  private static final String P = "91575185092637057423651824205339";
  private static final String Q = "172683376025283417010904107398539";
  private static final String N =
      "15813512121936773411169931258122792556605403613807980794244599721";

  @TempDir Path dir;

  private final WireCodec codec = new WireCodec();

  @Test
  void shouldKeepAHardNumberAndItsUnitAnswersForTheNextRun() throws Exception {
    SpoolDirectory spool = new SpoolDirectory(dir);
    List<Recording> recorded = new ArrayList<>(spool.record(List.of(aHardNumber("job", 1))));
    recorded.addAll(spool.record(List.of(anAnswer("job", 1, 0), anAnswer("job", 1, 1))));
    spool.close();

    SpoolDirectory restarted = new SpoolDirectory(dir);
    restarted.recover();

    assertThat(recorded)
        .extracting(Recording::outcome)
        .containsExactly(Outcome.HARD_NUMBER, Outcome.UNIT, Outcome.UNIT);
    assertThat(restarted.hardNumbersWaiting()).containsExactly(aHardNumber("job", 1));
    assertThat(restarted.unitAnswers("job", 1))
        .extracting(UnitResultMessage::unit)
        .containsExactly(0L, 1L);
  }

  @Test
  void shouldAnswerTheHardNumberAsItsTaskAndDeleteItsRelationFile() throws Exception {
    SpoolDirectory spool = new SpoolDirectory(dir);
    spool.record(List.of(aHardNumber("job", 1)));
    spool.record(List.of(anAnswer("job", 1, 0)));
    spool.accept(aResult("job", 0, complete("4", "2", "2")));
    assertThat(relationFile("job", 1)).exists();

    spool.record(List.of(TaskRecord.of(theCoordinatorsAnswer("job", 1))));
    spool.seal(SealMessage.of("job", 2, 2));

    assertThat(Files.readString(spool.outputOf("job")))
        .isEqualTo("4: 2 2\n" + N + ": " + P + " " + Q + "\n");
    assertThat(dir.resolve(".spool").resolve("job")).doesNotExist();
  }

  @Test
  void shouldNoLongerWaitForAHardNumberOnceItsAnswerIsRecorded() throws Exception {
    SpoolDirectory spool = new SpoolDirectory(dir);
    spool.record(List.of(aHardNumber("job", 1)));
    spool.record(List.of(anAnswer("job", 1, 0)));

    spool.record(List.of(TaskRecord.of(theCoordinatorsAnswer("job", 1))));
    List<Recording> late = spool.record(List.of(anAnswer("job", 1, 2), aHardNumber("job", 1)));
    spool.close();
    SpoolDirectory restarted = new SpoolDirectory(dir);
    restarted.recover();

    assertThat(late)
        .extracting(Recording::outcome)
        .containsExactly(Outcome.DROPPED, Outcome.DUPLICATE);
    assertThat(relationFile("job", 1)).doesNotExist();
    assertThat(restarted.hardNumbersWaiting()).isEmpty();
    assertThat(restarted.status("job").tasksRecorded()).isEqualTo(1);
  }

  @Test
  void shouldDropAnswersForNumbersNotCoordinated() throws Exception {
    SpoolDirectory spool = new SpoolDirectory(dir);
    spool.accept(aResult("job", 0, complete("4", "2", "2")));

    List<Recording> recorded =
        spool.record(List.of(anAnswer("job", 0, 0), anAnswer("unknown-job", 1, 0)));

    assertThat(recorded).extracting(Recording::outcome).containsOnly(Outcome.DROPPED);
    assertThat(dir.resolve(".spool").resolve("unknown-job")).doesNotExist();
    assertThat(relationFile("job", 0)).doesNotExist();
  }

  @Test
  void shouldDeleteTheRelationFileOfACancelledJobAndDropItsHardNumber() throws Exception {
    SpoolDirectory spool = new SpoolDirectory(dir);
    spool.record(List.of(aHardNumber("job", 0)));
    spool.record(List.of(anAnswer("job", 0, 0)));

    spool.cancel("job", "fleet cancel on host-a");
    List<Recording> late = spool.record(List.of(aHardNumber("job", 0), anAnswer("job", 0, 1)));

    assertThat(late).extracting(Recording::outcome).containsOnly(Outcome.DROPPED);
    assertThat(dir.resolve(".spool").resolve("job")).doesNotExist();
    assertThat(spool.hardNumbersWaiting()).isEmpty();
  }

  @Test
  void shouldRefuseAHardNumberPastTheSealedCount() throws Exception {
    SpoolDirectory spool = new SpoolDirectory(dir);
    spool.seal(SealMessage.of("job", 1, 1));

    Recording recording = spool.record(List.of(aHardNumber("job", 1))).get(0);

    assertThat(recording.refusal()).isEqualTo("job job has 1 tasks, not 2");
  }

  @Test
  void shouldFailAJobWhoseSealSaysFewerTasksThanItsHardNumbers() throws Exception {
    SpoolDirectory spool = new SpoolDirectory(dir);
    spool.record(List.of(aHardNumber("job", 3)));

    spool.record(List.of(new SpoolEntry.Seal(SealMessage.of("job", 2, 2))));

    assertThat(spool.status("job").reason()).isEqualTo("its seal says 2 tasks, but task 3 arrived");
  }

  @Test
  void shouldIgnoreAnAnswerCutShortByACrash() throws Exception {
    SpoolDirectory spool = new SpoolDirectory(dir);
    spool.record(List.of(aHardNumber("job", 1)));
    spool.record(List.of(anAnswer("job", 1, 0), anAnswer("job", 1, 1)));
    spool.close();
    long whole = Files.size(relationFile("job", 1));
    byte[] torn = anAnswer("job", 1, 2).line();
    Files.write(
        relationFile("job", 1), Arrays.copyOf(torn, torn.length / 2), StandardOpenOption.APPEND);

    SpoolDirectory restarted = new SpoolDirectory(dir);
    restarted.recover();
    List<UnitResultMessage> kept = restarted.unitAnswers("job", 1);
    restarted.record(List.of(anAnswer("job", 1, 3)));

    assertThat(kept).extracting(UnitResultMessage::unit).containsExactly(0L, 1L);
    assertThat(restarted.unitAnswers("job", 1))
        .extracting(UnitResultMessage::unit)
        .containsExactly(0L, 1L, 3L);
    assertThat(Files.size(relationFile("job", 1)))
        .isEqualTo(whole + anAnswer("job", 1, 3).line().length + 1);
  }

  private Path relationFile(String job, long number) {
    return RelationFile.of(dir.resolve(".spool").resolve(job), number);
  }

  private static SpoolEntry.HardNumber aHardNumber(String job, long task) {
    return new SpoolEntry.HardNumber(job, task, N);
  }

  private SpoolEntry.UnitAnswer anAnswer(String job, long number, long unit) {
    UnitResultMessage answer =
        UnitResultMessage.found(
            job,
            number,
            unit,
            "w1",
            1000,
            null,
            List.of(new UnitResultMessage.Relation("-12345", true, 1, 1, new int[] {2, 3, 7})));
    // as a worker might write it: JSON with a line break between tokens
    byte[] body =
        new String(codec.encode(answer), StandardCharsets.UTF_8)
            .replace(",\"worker\"", ",\n\"worker\"")
            .getBytes(StandardCharsets.UTF_8);
    return new SpoolEntry.UnitAnswer(answer, RelationFile.lineOf(body));
  }

  private static ResultMessage theCoordinatorsAnswer(String job, long task) {
    return ResultMessage.of(
        job,
        task,
        "coordinator",
        5,
        List.of(NumberResult.complete(N, List.of(P, Q), List.of("siqs", "siqs"))));
  }

  private static NumberResult complete(String n, String... factors) {
    return NumberResult.complete(n, List.of(factors));
  }

  private static ResultMessage aResult(String job, long task, NumberResult... results) {
    return ResultMessage.of(job, task, "w1", 5, List.of(results));
  }
}
