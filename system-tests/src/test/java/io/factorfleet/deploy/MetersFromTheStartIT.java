package io.factorfleet.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.factorfleet.broker.BrokerSettings;
import io.factorfleet.fault.FleetLauncher;
import io.factorfleet.fault.FleetProcess;
import io.factorfleet.metrics.FleetMeter;
import io.factorfleet.testing.RabbitBroker;
import io.factorfleet.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh, idle worker and aggregator service export every meter of the README's table at 0, so
 * that dashboards find each from the first scrape on a healthy fleet.
 */
@ExtendWith(RabbitBroker.class)
class MetersFromTheStartIT {
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final Pattern TABLE_ROW = Pattern.compile("(?m)^\\| (`fleet_[^|]*)\\|");
  private static final Pattern METER_NAME = Pattern.compile("`(fleet_[a-z_]+)`");

  @TempDir Path work;

  @Test
  void shouldExportEveryMeterOfTheReadmesTableAtZeroFromTheStart(
      BrokerSettings broker, Topology topology) throws Exception {
    List<FleetMeter> documented = readmeMeters();
    assertThat(documented)
        .as("the README's meter table names every meter")
        .containsExactlyInAnyOrder(FleetMeter.values());
    try (FleetLauncher fleet = new FleetLauncher(work, broker, topology)) {
      FleetProcess worker = fleet.worker("idle-worker");
      FleetProcess aggregator =
          fleet.aggregator("idle-aggregator", Files.createDirectories(work.resolve("data")));
      worker.awaitHealthy(PATIENCE);
      aggregator.awaitHealthy(PATIENCE);

      String workerMetrics = worker.scrape();
      String aggregatorMetrics = aggregator.scrape();

      for (FleetMeter meter : documented) {
        boolean ofWorker = meter.role() == FleetMeter.Role.WORKER;
        assertThat(ofWorker ? workerMetrics : aggregatorMetrics)
            .as("%s of a fresh %s", meter.prometheusName(), meter.role())
            .containsPattern(zero(meter, ofWorker ? "\\{worker=\"idle-worker\"}" : ""));
        assertThat(ofWorker ? aggregatorMetrics : workerMetrics)
            .as("%s, which only the %s records", meter.prometheusName(), meter.role())
            .doesNotContain(meter.prometheusName());
      }
    } finally {
      RabbitBroker.deleteQueues(broker, topology);
    }
  }

  /** A sample line of the meter at 0: its value, or the count of a timer. */
  private static Pattern zero(FleetMeter meter, String labels) {
    String name = meter.prometheusName() + (meter.kind() == FleetMeter.Kind.TIMER ? "_count" : "");
    return Pattern.compile("(?m)^" + name + labels + " 0(\\.0)?$");
  }

  private static List<FleetMeter> readmeMeters() {
    String readme = DeployFiles.read("README.md");
    int start = readme.indexOf("## Metrics, health and logs");
    assertThat(start).as("README's metrics section").isNotNegative();
    int end = readme.indexOf("\n## ", start + 1);
    String section = readme.substring(start, end < 0 ? readme.length() : end);
    List<FleetMeter> meters = new ArrayList<>();
    Matcher row = TABLE_ROW.matcher(section);
    while (row.find()) {
      Matcher name = METER_NAME.matcher(row.group(1));
      while (name.find()) {
        String documented = name.group(1);
        meters.add(
            Arrays.stream(FleetMeter.values())
                .filter(meter -> meter.prometheusName().equals(documented))
                .findFirst()
                .orElseThrow(
                    () ->
                        new AssertionError(
                            "the README names a meter that is not one: " + documented)));
      }
    }
    return meters;
  }
}
