package io.factorfleet.aggregator.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.factorfleet.aggregator.ResultSink;
import io.factorfleet.wire.NumberResult;
import io.factorfleet.wire.ResultMessage;
import io.factorfleet.wire.SealMessage;
import java.nio.file.Files;
import java.nio.file.Path;
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

  private static NumberResult complete(String n, String... factors) {
    return NumberResult.complete(n, List.of(factors));
  }

  private static ResultMessage aResult(String job, long task, NumberResult... results) {
    return ResultMessage.of(job, task, "w", 1, List.of(results));
  }
}
