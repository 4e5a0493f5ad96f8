package io.factorfleet.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BrokerConnectorTest {
  @Test
  void shouldRecoverLostConnectionsWithTheJitteredBackoff() {
    ConnectionFactory factory =
        new BrokerConnector(BrokerSettings.parse("amqp://localhost:5672/%2F")).factory();
    assertThat(factory.isAutomaticRecoveryEnabled()).isTrue();
    assertThat(factory.getRecoveryDelayHandler()).isInstanceOf(ReconnectBackoff.class);
  }

  @Test
  void shouldKeepTryingARefusedBrokerUntilThePatienceRunsOutThenSayWhy() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    BrokerConnector connector =
        new BrokerConnector(
            BrokerSettings.parse("amqp://fleet:s3cret@127.0.0.1:" + closedPort + "/%2F"));
    assertThatThrownBy(() -> connector.openPatiently("test", Duration.ofSeconds(2)))
        .isInstanceOf(BrokerUnavailableException.class)
        .hasMessageContaining("connection refused")
        .hasMessageNotContaining("s3cret");
  }
}
