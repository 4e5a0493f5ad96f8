package io.factorfleet.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.factorfleet.broker.BrokerSettings;
import io.factorfleet.cli.FleetRun;
import io.factorfleet.testing.RabbitBroker;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a user sees when the broker is not there or does not let them in. */
@ExtendWith(RabbitBroker.class)
class BrokerFailureIT {
  @Test
  void shouldNameTheBrokerWithItsPasswordMaskedAndExitWithTwoWhenNothingAnswers() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String uri = "amqp://fleet:s3cret@127.0.0.1:" + port + "/%2F";

    FleetRun run = FleetRun.of(Map.of("FLEET_AMQP_URI", uri), "", "factor", "12");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            "fleet: cannot connect to RabbitMQ at amqp://fleet:****@127.0.0.1:"
                + port
                + "/%2F: connection refused\n");
  }

  @Test
  void shouldSayTheCredentialsWereRefusedAndExitWithTwo(BrokerSettings broker) {
    String host = broker.primary().getHost();
    int port = broker.primary().getPort();
    String uri = "amqp://nobody:wrong-password@" + host + ":" + port + "/%2F";

    FleetRun run = FleetRun.of(Map.of("FLEET_AMQP_URI", uri), "", "factor", "12");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "fleet: RabbitMQ at amqp://nobody:****@"
                + host
                + ":"
                + port
                + "/%2F refused the credentials of user 'nobody'\n")
        .doesNotContain("wrong-password");
  }
}
