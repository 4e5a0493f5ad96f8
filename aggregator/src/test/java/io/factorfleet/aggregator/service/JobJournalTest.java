package io.factorfleet.aggregator.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.factorfleet.wire.NumberResult;
import io.factorfleet.wire.ResultMessage;
import io.factorfleet.wire.SealMessage;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobJournalTest {
  @TempDir Path dir;

  @Test
  void shouldReadBackWhatWasForced() throws Exception {
    try (JobJournal journal = JobJournal.open(dir)) {
      journal.append(aTask(0, "4", "2", "2"));
      journal.append(aTask(2, "9", "3", "3"));
      journal.append(SealMessage.of("job", 3, 3));
      journal.force();
    }

    try (JobJournal again = JobJournal.open(dir)) {
      assertThat(again.tasksRecorded()).isEqualTo(2);
      assertThat(again.hasTask(2)).isTrue();
      assertThat(again.hasTask(1)).isFalse();
      assertThat(again.sealedTasks()).isEqualTo(3);
      assertThat(again.numbers()).isEqualTo(2);
    }
    assertThat(JobJournal.tasksIn(dir.resolve(JobJournal.FILE))).isEqualTo(2);
  }

  @Test
  void shouldKeepAHardNumberWaitingUntilItsTaskIsAnsweredAndCutOffOneCutShort() throws Exception {
    long whole;
    try (JobJournal journal = JobJournal.open(dir)) {
      journal.append(new SpoolEntry.HardNumber("job", 1, "1000000000000000000000000000000000007"));
      journal.append(new SpoolEntry.HardNumber("job", 2, "1000000000000000000000000000000000009"));
      journal.append(aTask(2, "9", "3", "3"));
      whole = journal.size();
      journal.append(new SpoolEntry.HardNumber("job", 3, "1000000000000000000000000000000000011"));
      journal.force();
    }
    Path file = dir.resolve(JobJournal.FILE);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(Files.size(file) - 5); // the last hard number's end never reached the disk
    }

    try (JobJournal again = JobJournal.open(dir)) {
      assertThat(again.hardNumbers())
          .containsExactly(Map.entry(1L, "1000000000000000000000000000000000007"));
      assertThat(again.highestTask()).isEqualTo(2);
      assertThat(again.size()).isEqualTo(whole);
    }
  }

  @Test
  void shouldCutOffARecordThatACrashLeftIncomplete() throws Exception {
    long whole;
    try (JobJournal journal = JobJournal.open(dir)) {
      journal.append(aTask(0, "4", "2", "2"));
      whole = journal.size();
      journal.append(aTask(1, "9", "3", "3"));
      journal.force();
    }
    Path file = dir.resolve(JobJournal.FILE);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(Files.size(file) - 3); // the second record's end never reached the disk
    }

    assertThat(JobJournal.tasksIn(file)).isEqualTo(1);
    try (JobJournal again = JobJournal.open(dir)) {
      assertThat(again.tasksRecorded()).isEqualTo(1);
      assertThat(again.hasTask(1)).isFalse();
      assertThat(again.size()).isEqualTo(whole);
    }
    assertThat(Files.size(file)).isEqualTo(whole);
  }

  @Test
  void shouldNotTakeARecordWhoseBytesChanged() throws Exception {
    try (JobJournal journal = JobJournal.open(dir)) {
      journal.append(aTask(0, "4", "2", "2"));
      journal.force();
    }
    Path file = dir.resolve(JobJournal.FILE);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 8] ^= 1;
    Files.write(file, bytes);

    assertThat(JobJournal.tasksIn(file)).isZero();
  }

  @Test
  void shouldForgetABatchRolledBack() throws Exception {
    try (JobJournal journal = JobJournal.open(dir)) {
      journal.append(aTask(0, "4", "2", "2"));
      journal.force();
      long before = journal.size();
      journal.append(aTask(1, "9", "3", "3"));
      journal.rollBack(before);
    }

    assertThat(JobJournal.tasksIn(dir.resolve(JobJournal.FILE))).isEqualTo(1);
  }

  private static TaskRecord aTask(long task, String n, String... factors) {
    return TaskRecord.of(
        ResultMessage.of("job", task, "w", 1, List.of(NumberResult.complete(n, List.of(factors)))));
  }
}
