package io.factorfleet.cli.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusTableTest {
  private final StringWriter text = new StringWriter();
  private final PrintWriter out = new PrintWriter(text);

  @Test
  void shouldPrintCountsRatesAndJobsInFlightInFixedWidthColumns() {
    StatusTable.print(
        out,
        new FleetQueueStats(
            List.of(
                new QueueStats("fleet.tasks", true, 120, 16, 2, 310.24, 305.0),
                new QueueStats("fleet.results", true, 0, 0, 1, 0, 0),
                QueueStats.absent("fleet.dead")),
            List.of(new QueueStats("fleet.results.job-1", true, 12, 3, 1, 40.0, 39.96)),
            1));

    assertThat(text.toString())
        .isEqualTo(
            """
            QUEUE                    READY    UNACKED  CONSUMERS  PUBLISH/S  DELIVER/S
            fleet.tasks                120         16          2      310.2      305.0
            fleet.results                0          0          1        0.0        0.0
            fleet.dead                   -          -          -          -          -
            jobs in flight: 1
            fleet.results.job-1         12          3          1       40.0       40.0
            """);
  }

  @Test
  void shouldSayHowManyJobsTheApiDidNotList() {
    StatusTable.print(
        out,
        new FleetQueueStats(
            List.of(QueueStats.absent("t"), QueueStats.absent("r"), QueueStats.absent("d")),
            List.of(new QueueStats("r.job-1", true, 0, 0, 1, 0, 0)),
            501));

    assertThat(text.toString())
        .contains("jobs in flight: 501\nr.job-1 ")
        .endsWith("(500 more job reply queues not listed)\n");
  }

  @Test
  void shouldPrintMessagesAndConsumersOfEachQueueWhenOnlyAmqpAnswers() {
    StatusTable.printDepths(
        out,
        List.of(
            new QueueDepth("fleet.tasks", true, 7, 2),
            new QueueDepth("fleet.results", true, 0, 1),
            QueueDepth.absent("fleet.dead")));

    assertThat(text.toString())
        .isEqualTo(
            """
            QUEUE           MESSAGES  CONSUMERS
            fleet.tasks            7          2
            fleet.results          0          1
            fleet.dead             -          -
            """);
  }
}
