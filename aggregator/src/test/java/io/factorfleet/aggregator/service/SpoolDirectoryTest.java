package io.factorfleet.aggregator.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.factorfleet.aggregator.Aggregator.Outcome;
import io.factorfleet.aggregator.ResultSink;
import io.factorfleet.results.JobStatus;
import io.factorfleet.wire.NumberResult;
import io.factorfleet.wire.ResultMessage;
import io.factorfleet.wire.SealMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolDirectoryTest {
  @TempDir Path dir;

  @Test
  void shouldWriteTheJobInTaskOrderOnceSealedAndComplete() throws Exception {
    SpoolDirectory spool = new SpoolDirectory(dir);

    spool.accept(aResult("job", 1, complete("9", "3", "3")));
    spool.seal(SealMessage.of("job", 2, 3));
    assertThat(spool.outputOf("job")).doesNotExist();
    spool.accept(aResult("job", 0, complete("4", "2", "2"), complete("1")));

    assertThat(Files.readString(spool.outputOf("job"))).isEqualTo("4: 2 2\n1:\n9: 3 3\n");
    assertThat(spool.errorsOf("job")).doesNotExist();
    assertThat(spool.jobsCompleted()).isEqualTo(1);
  }

  @Test
  void shouldDiscardACancelledJobAndDropItsRepliesEvenAfterARestart() throws Exception {
    SpoolDirectory spool = new SpoolDirectory(dir);
    spool.accept(aResult("job", 0, complete("4", "2", "2")));

    assertThat(spool.cancel("job", "fleet cancel on host-a")).isEqualTo(1);

    assertThat(spool.running()).isEmpty();
    assertThat(spool.status("job").state()).isEqualTo(JobStatus.State.FAILED);
    assertThat(spool.status("job").reason()).isEqualTo("cancelled by fleet cancel on host-a");
    assertThat(spool.accept(aResult("job", 1, complete("5", "5")))).isFalse();
    spool.seal(SealMessage.of("job", 2, 2));
    assertThat(spool.outputOf("job")).doesNotExist();
    assertThat(dir.resolve(".spool").resolve("job")).doesNotExist();
    SpoolDirectory restarted = new SpoolDirectory(dir);
    restarted.recover();
    assertThat(restarted.accept(aResult("job", 0, complete("4", "2", "2")))).isFalse();
    assertThat(restarted.running()).isEmpty();
  }

  @Test
  void shouldListARunningJobWithTheHostItsSealNames() throws Exception {
    SpoolDirectory spool = new SpoolDirectory(dir);
    spool.accept(aResult("job", 0, complete("4", "2", "2")));
    assertThat(spool.running())
        .singleElement()
        .satisfies(job -> assertThat(job.host()).isNull())
        .satisfies(job -> assertThat(job.numbers()).isEqualTo(-1));

    spool.seal(SealMessage.of("job", 2, 2, "build-7"));

    assertThat(spool.running())
        .singleElement()
        .satisfies(job -> assertThat(job.host()).isEqualTo("build-7"))
        .satisfies(job -> assertThat(job.numbersRecorded()).isEqualTo(1))
        .satisfies(job -> assertThat(job.numbers()).isEqualTo(2));
  }

  @Test
  void shouldDropTheRepliesOfAJobCancelledBeforeItsFirstReply() throws Exception {
    SpoolDirectory spool = new SpoolDirectory(dir);

    assertThat(spool.cancel("job", "fleet cancel on host-a")).isEqualTo(-1);

    assertThat(spool.accept(aResult("job", 0, complete("4", "2", "2")))).isFalse();
    assertThat(spool.running()).isEmpty();
    assertThat(spool.status("job").state()).isEqualTo(JobStatus.State.UNKNOWN);
  }

  @Test
  void shouldNotCancelAWrittenJob() throws Exception {
    SpoolDirectory spool = new SpoolDirectory(dir);
    spool.accept(aResult("job", 0, complete("4", "2", "2")));
    spool.seal(SealMessage.of("job", 1, 1));

    assertThat(spool.cancel("job", "fleet cancel on host-a")).isEqualTo(-1);

    assertThat(spool.status("job").state()).isEqualTo(JobStatus.State.WRITTEN);
    assertThat(Files.readString(spool.outputOf("job"))).isEqualTo("4: 2 2\n");
  }

  @Test
  void shouldRecogniseDuplicatesBeforeAndAfterCompletion() throws Exception {
    SpoolDirectory spool = new SpoolDirectory(dir);
    ResultMessage first = aResult("job", 0, complete("4", "2", "2"));

    assertThat(spool.accept(first)).isTrue();
    assertThat(spool.accept(first)).isFalse();
    spool.seal(SealMessage.of("job", 1, 1));
    assertThat(spool.accept(first)).isFalse();
    assertThat(Files.readString(spool.outputOf("job"))).isEqualTo("4: 2 2\n");
  }

  @Test
  void shouldRememberPartsAcrossARestart() throws Exception {
    SpoolDirectory before = new SpoolDirectory(dir);
    before.accept(aResult("job", 0, complete("4", "2", "2")));
    before.seal(SealMessage.of("job", 2, 2));

    SpoolDirectory after = new SpoolDirectory(dir);
    after.recover();
    assertThat(after.accept(aResult("job", 0, complete("4", "2", "2")))).isFalse();
    assertThat(after.accept(aResult("job", 1, complete("5", "5")))).isTrue();

    assertThat(Files.readString(after.outputOf("job"))).isEqualTo("4: 2 2\n5: 5\n");
  }

  @Test
  void shouldWriteErrorsToAFileOfTheirOwn() throws Exception {
    SpoolDirectory spool = new SpoolDirectory(dir);
    spool.accept(
        aResult(
            "job",
            0,
            complete("4", "2", "2"),
            NumberResult.refused("x", "'x' is not a valid positive integer")));
    spool.seal(SealMessage.of("job", 1, 2));

    assertThat(Files.readString(spool.outputOf("job"))).isEqualTo("4: 2 2\n");
    assertThat(Files.readString(spool.errorsOf("job")))
        .isEqualTo("'x' is not a valid positive integer\n");
  }

  @Test
  void shouldRefuseATaskPastTheSealedCount() throws Exception {
    SpoolDirectory spool = new SpoolDirectory(dir);
    spool.seal(SealMessage.of("job", 1, 1));
    assertThatThrownBy(() -> spool.accept(aResult("job", 5, complete("4", "2", "2"))))
        .isInstanceOf(ResultSink.UnknownTaskException.class);
  }

  @Test
  void shouldWriteAnEmptyFileForAJobWithoutTasks() throws Exception {
    SpoolDirectory spool = new SpoolDirectory(dir);
    spool.seal(SealMessage.of("empty", 0, 0));
    assertThat(spool.outputOf("empty")).isEmptyFile();
  }

  @Test
  void shouldRecordABatchAndKnowADuplicateWithinIt() throws Exception {
    SpoolDirectory spool = new SpoolDirectory(dir);
    TaskRecord first = TaskRecord.of(aResult("job", 0, complete("4", "2", "2")));

    List<SpoolEntry.Recording> recordings =
        spool.record(
            List.of(
                first,
                TaskRecord.of(aResult("job", 1, complete("9", "3", "3"))),
                first,
                new SpoolEntry.Seal(SealMessage.of("job", 2, 2))));

    assertThat(recordings)
        .extracting(SpoolEntry.Recording::outcome)
        .containsExactly(Outcome.ACCEPTED, Outcome.ACCEPTED, Outcome.DUPLICATE, Outcome.SEALED);
    assertThat(Files.readString(spool.outputOf("job"))).isEqualTo("4: 2 2\n9: 3 3\n");
  }

  @Test
  void shouldFailAJobWhoseSealSaysFewerTasksThanArrived() throws Exception {
    SpoolDirectory spool = new SpoolDirectory(dir);
    spool.accept(aResult("job", 3, complete("4", "2", "2")));

    assertThatThrownBy(() -> spool.seal(SealMessage.of("job", 2, 2)))
        .isInstanceOf(ResultSink.UnknownTaskException.class)
        .hasMessage("job job failed: its seal says 2 tasks, but task 3 arrived");

    assertThat(spool.status("job"))
        .isEqualTo(
            new JobStatus(
                "job",
                JobStatus.State.FAILED,
                0,
                -1,
                0,
                -1,
                0,
                "its seal says 2 tasks, but task 3 arrived"));
    assertThatThrownBy(() -> spool.accept(aResult("job", 0, complete("4", "2", "2"))))
        .isInstanceOf(ResultSink.UnknownTaskException.class)
        .hasMessage("job job failed: its seal says 2 tasks, but task 3 arrived");
    assertThat(spool.outputOf("job")).doesNotExist();
  }

  @Test
  void shouldFailAJobWhoseSecondSealContradictsTheFirstAndRememberItAcrossARestart()
      throws Exception {
    SpoolDirectory before = new SpoolDirectory(dir);
    before.seal(SealMessage.of("job", 2, 2));
    before.seal(SealMessage.of("job", 2, 2)); // redelivered: the same seal
    assertThat(before.status("job").state()).isEqualTo(JobStatus.State.RUNNING);

    assertThatThrownBy(() -> before.seal(SealMessage.of("job", 3, 3)))
        .isInstanceOf(ResultSink.UnknownTaskException.class);
    before.close();

    SpoolDirectory after = new SpoolDirectory(dir);
    after.recover();
    assertThat(after.status("job").reason())
        .isEqualTo("a second seal says 3 tasks of 3 numbers, the first 2 tasks of 2 numbers");
    List<SpoolEntry.Recording> recordings =
        after.record(List.of(TaskRecord.of(aResult("job", 0, complete("4", "2", "2")))));
    assertThat(recordings.get(0).isRefused()).isTrue();
  }

  @Test
  void shouldFailAJobWhoseJournalCannotBeWrittenAndRecordTheRestOfTheBatch() throws Exception {
    SpoolDirectory spool = new SpoolDirectory(dir);
    Files.writeString(dir.resolve(".spool").resolve("broken"), "not a directory");

    List<SpoolEntry.Recording> recordings =
        spool.record(
            List.of(
                TaskRecord.of(aResult("broken", 0, complete("4", "2", "2"))),
                TaskRecord.of(aResult("job", 0, complete("9", "3", "3"))),
                new SpoolEntry.Seal(SealMessage.of("job", 1, 1))));

    assertThat(recordings.get(0).refusal()).startsWith("job broken failed: its journal cannot be");
    assertThat(recordings.subList(1, 3))
        .extracting(SpoolEntry.Recording::outcome)
        .containsExactly(Outcome.ACCEPTED, Outcome.SEALED);
    assertThat(spool.status("broken").state()).isEqualTo(JobStatus.State.FAILED);
    assertThat(Files.readString(spool.outputOf("job"))).isEqualTo("9: 3 3\n");
  }

  @Test
  void shouldDeleteAFailedJobOnRequest() throws Exception {
    SpoolDirectory spool = new SpoolDirectory(dir);
    spool.accept(aResult("job", 3, complete("4", "2", "2")));
    assertThatThrownBy(() -> spool.seal(SealMessage.of("job", 2, 2)))
        .isInstanceOf(ResultSink.UnknownTaskException.class);

    assertThat(spool.delete("job")).isTrue();

    assertThat(spool.status("job").state()).isEqualTo(JobStatus.State.UNKNOWN);
    assertThat(dir.resolve(".spool").resolve("job")).doesNotExist();
  }

  @Test
  void shouldTellWhereAJobStands() throws Exception {
    SpoolDirectory spool = new SpoolDirectory(dir);
    assertThat(spool.status("job").state()).isEqualTo(JobStatus.State.UNKNOWN);

    spool.accept(
        aResult("job", 0, complete("4", "2", "2"), NumberResult.refused("x", "'x' is bad")));
    assertThat(spool.status("job"))
        .isEqualTo(new JobStatus("job", JobStatus.State.RUNNING, 1, -1, 2, -1, 1));

    spool.seal(SealMessage.of("job", 1, 2));
    assertThat(spool.status("job"))
        .isEqualTo(new JobStatus("job", JobStatus.State.WRITTEN, 1, 1, 2, 2, 1));
  }

  @Test
  void shouldKeepTheTaskInfoOfAWrittenJob() throws Exception {
    SpoolDirectory spool = new SpoolDirectory(dir);
    spool.accept(
        ResultMessage.of(
            "job",
            0,
            "worker-a",
            4591163,
            List.of(
                complete("4", "2", "2"),
                NumberResult.complete(
                    "18446744073709551617",
                    List.of("274177", "67280421310721"),
                    List.of("ecm", "ecm")))));
    spool.seal(SealMessage.of("job", 1, 2));

    assertThat(Files.readString(spool.infoOf("job")))
        .isEqualTo("job 1 2 0\ntask 0 2 4591163 worker-a\nmethods 1 ecm ecm\n");
  }

  @Test
  void shouldDeleteAWrittenJobOnRequestButNotARunningOne() throws Exception {
    SpoolDirectory spool = new SpoolDirectory(dir);
    spool.accept(aResult("running", 0, complete("4", "2", "2")));
    spool.accept(aResult("done", 0, NumberResult.refused("x", "'x' is bad")));
    spool.seal(SealMessage.of("done", 1, 1));

    assertThat(spool.delete("done")).isTrue();
    assertThat(spool.outputOf("done")).doesNotExist();
    assertThat(spool.errorsOf("done")).doesNotExist();
    assertThat(spool.infoOf("done")).doesNotExist();
    assertThat(spool.status("done").state()).isEqualTo(JobStatus.State.UNKNOWN);
    assertThat(spool.delete("done")).isFalse();
    assertThatThrownBy(() -> spool.delete("running"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("job running is still running");
  }

  @Test
  void shouldDeleteTheJobsWrittenLongerAgoThanTheyAreKept() throws Exception {
    SpoolDirectory spool = new SpoolDirectory(dir);
    for (String job : List.of("old", "new")) {
      spool.accept(aResult(job, 0, complete("4", "2", "2")));
      spool.seal(SealMessage.of(job, 1, 1));
    }
    Instant now = Instant.now();
    Files.setLastModifiedTime(spool.outputOf("old"), FileTime.from(now.minus(Duration.ofHours(2))));

    assertThat(spool.deleteOlderThan(Duration.ofHours(1), now)).isEqualTo(1);
    assertThat(spool.outputOf("old")).doesNotExist();
    assertThat(spool.outputOf("new")).exists();
  }

  @Test
  void shouldTakeOverTheSpoolOfAnEarlierBuild() throws Exception {
    Path earlier = dir.resolve(".spool").resolve("job");
    Files.createDirectories(earlier);
    Files.writeString(earlier.resolve("0.part"), "4: 2 2\n!'x' is bad\n");
    Files.writeString(earlier.resolve("seal"), "2 3\n");

    SpoolDirectory spool = new SpoolDirectory(dir);
    spool.recover();
    assertThat(spool.accept(aResult("job", 0, complete("4", "2", "2")))).isFalse();
    spool.accept(aResult("job", 1, complete("9", "3", "3")));

    assertThat(Files.readString(spool.outputOf("job"))).isEqualTo("4: 2 2\n9: 3 3\n");
    assertThat(Files.readString(spool.errorsOf("job"))).isEqualTo("'x' is bad\n");
  }

  private static NumberResult complete(String n, String... factors) {
    return NumberResult.complete(n, List.of(factors));
  }

  private static ResultMessage aResult(String job, long task, NumberResult... results) {
    return ResultMessage.of(job, task, "w", 1, List.of(results));
  }
}
