package io.factorfleet.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.factorfleet.broker.BrokerSettings;
import io.factorfleet.cli.FleetRun;
import io.factorfleet.coreutils.ChecksumRange;
import io.factorfleet.coreutils.FactorCase;
import io.factorfleet.testing.RabbitBroker;
import io.factorfleet.topology.Topology;
import io.factorfleet.worker.Worker;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * coreutils' own {@code factor} tests through the fleet, one worker answering them all: the table
 * of {@code tests/factor/factor.pl}, and the checksum ranges of {@code create-test.sh} that are too
 * long for the unit tests ({@code seq 0 10000000 | fleet factor | sha1sum} and the others).
 */
@ExtendWith(RabbitBroker.class)
class CoreutilsFactorIT {
  /** Set to true to run the ranges from 10,000,000 to 90,000,000 as well. */
  static final String LONG_RANGES = "fleet.coreutils.long";

  private static BrokerSettings broker;
  private static Topology topology;
  private static Worker worker;

  @BeforeAll
  static void startAWorker(BrokerSettings brokerSettings, Topology queues) throws Exception {
    broker = brokerSettings;
    topology = queues;
    worker = Worker.start(FleetEndToEndIT.aWorker(broker, topology, "w1"));
  }

  @AfterAll
  static void stopTheWorker() throws Exception {
    try {
      if (worker != null) {
        worker.close();
      }
    } finally {
      RabbitBroker.deleteQueues(broker, topology);
    }
  }

  static List<FactorCase> cases() {
    return FactorCase.all();
  }

  static List<ChecksumRange> ranges() {
    return ChecksumRange.in("fleet", "long");
  }

  @ParameterizedTest(name = "factor.pl {0}")
  @MethodSource("cases")
  void shouldPassCoreutilsFactorTestThroughTheFleet(FactorCase test) {
    assumeTrue(test.skipReason().isEmpty(), () -> test.skipReason().orElseThrow());
    List<String> args = new ArrayList<>(List.of("factor"));
    args.addAll(test.arguments());

    FleetRun run = FleetRun.of(environment(), test.stdin(), args.toArray(String[]::new));

    assertThat(run.out()).as("stdout of %s", test).isEqualTo(test.stdout());
    assertThat(run.err()).as("stderr of %s", test).isEqualTo(test.stderrOf("fleet"));
    assertThat(run.exitCode()).as("exit status of %s", test).isEqualTo(test.exitStatus());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ranges")
  void shouldPrintWhatCoreutilsFactorPrintsForTheRangeThroughTheFleet(ChecksumRange range)
      throws Exception {
    assumeTrue(
        !range.suite().equals("long") || Boolean.getBoolean(LONG_RANGES),
        () -> range.name() + " is a long range: run with -D" + LONG_RANGES + "=true");
    StringWriter err = new StringWriter();
    ChecksumRange.Sha1Sink out = new ChecksumRange.Sha1Sink();

    int status =
        FleetRun.execute(environment(), range.seq(), out, err, "factor", "--max-digits=200");

    assertThat(err.toString()).isEmpty();
    assertThat(status).isZero();
    assertThat(out.hex()).isEqualTo(range.sha1());
  }

  private static Map<String, String> environment() {
    return RabbitBroker.environment(broker, topology);
  }
}
