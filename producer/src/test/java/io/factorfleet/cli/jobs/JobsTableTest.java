package io.factorfleet.cli.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.factorfleet.wire.ControlMessage.JobStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobsTableTest {
  private static final long NOW = 1_700_000_100_000L;

  @Test
  void shouldPrintEachJobWithItsRateAgeAndTimeLeftOldestFirst() {
    String table =
        print(
            JobsTable.merge(
                List.of(
                    new JobStatus("b-job", "host-2", "submit", 0, -1, NOW - 5_000),
                    new JobStatus("a-job", "host-1", "factor", 50_000, 150_000, NOW - 100_000))));

    assertThat(table.lines().toList())
        .containsExactly(
            "JOB                                   HOST                  COMMAND          DONE"
                + "         TOTAL      RATE/S       AGE       ETA",
            "a-job                                 host-1                factor         50,000"
                + "       150,000         500     1m40s     3m20s",
            "b-job                                 host-2                submit              0"
                + "             -           0        5s         -");
  }

  @Test
  void shouldSaySoWhenNoJobIsInFlight() {
    assertThat(print(List.of())).isEqualTo("no job in flight\n");
  }

  @Test
  void shouldMergeTheAnswersOfASubmittedJobsCommandLineAndService() {
    List<JobStatus> merged =
        JobsTable.merge(
            List.of(
                new JobStatus("j", "-", "submit", 300, 1_000, NOW - 1_000),
                new JobStatus("j", "host-1", "submit", 0, -1, NOW - 2_000)));

    assertThat(merged)
        .containsExactly(new JobStatus("j", "host-1", "submit", 300, 1_000, NOW - 2_000));
  }

  @Test
  void shouldWriteDurationsAsPeopleReadThem() {
    assertThat(JobsTable.duration(0)).isEqualTo("0s");
    assertThat(JobsTable.duration(125)).isEqualTo("2m05s");
    assertThat(JobsTable.duration(3_720)).isEqualTo("1h02m");
  }

  private static String print(List<JobStatus> jobs) {
    StringWriter out = new StringWriter();
    JobsTable.print(new PrintWriter(out, true), jobs, NOW);
    return out.toString();
  }
}
