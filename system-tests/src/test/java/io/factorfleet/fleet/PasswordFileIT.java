package io.factorfleet.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.factorfleet.broker.BrokerSettings;
import io.factorfleet.cli.FleetRun;
import io.factorfleet.testing.RabbitBroker;
import io.factorfleet.topology.Topology;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The broker's password given in a file, as compose and Kubernetes mount secrets. */
@ExtendWith(RabbitBroker.class)
class PasswordFileIT {
  @TempDir Path dir;

  @Test
  void shouldLogInWithThePasswordOfTheFileInPlaceOfTheUris(BrokerSettings broker, Topology topology)
      throws Exception {
    Path file = Files.writeString(dir.resolve("password"), passwordOf(broker) + "\n");
    Map<String, String> wrongPassword =
        new HashMap<>(RabbitBroker.environment(broker.withPassword("wrong-password"), topology));

    FleetRun refused = FleetRun.of(wrongPassword, "", "status");
    wrongPassword.put("FLEET_AMQP_PASSWORD_FILE", file.toString());
    FleetRun withFile = FleetRun.of(wrongPassword, "", "status");

    assertThat(refused.exitCode()).as(refused.err()).isEqualTo(2);
    assertThat(withFile.exitCode()).as(withFile.err()).isZero();
    assertThat(withFile.out()).contains(topology.taskQueue());
    assertThat(refused.err() + withFile.err())
        .doesNotContain("wrong-password")
        .doesNotContain(":" + passwordOf(broker) + "@");
  }

  @Test
  void shouldRefuseAnEmptyPasswordFileAsABadSettingBeforeConnecting() throws Exception {
    Path empty = Files.createFile(dir.resolve("empty"));

    FleetRun run =
        FleetRun.of(Map.of("FLEET_AMQP_PASSWORD_FILE", empty.toString()), "", "factor", "12");

    assertThat(run.exitCode()).isEqualTo(64);
    assertThat(run.err().lines().findFirst())
        .hasValue("factor: the password file " + empty + " is empty");
  }

  /** The test broker's password, or the client's default when its URI names none. */
  private static String passwordOf(BrokerSettings broker) {
    URI primary = broker.primary();
    String userInfo = primary.getUserInfo();
    return userInfo == null || !userInfo.contains(":")
        ? "guest"
        : userInfo.substring(userInfo.indexOf(':') + 1);
  }
}
