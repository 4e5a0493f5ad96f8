package io.factorfleet.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.Address;
import java.net.URI;
import org.junit.jupiter.api.Test;

class BrokerSettingsTest {
  @Test
  void shouldNeverShowThePassword() {
    BrokerSettings settings = BrokerSettings.parse("amqp://fleet:s3cret@rabbit:5672/%2F");
    assertThat(settings.display())
        .isEqualTo("amqp://fleet:****@rabbit:5672/%2F")
        .doesNotContain("s3cret");
    assertThat(settings.toString()).doesNotContain("s3cret");
  }

  @Test
  void shouldTakeSeveralNodesOfACluster() {
    BrokerSettings settings =
        BrokerSettings.parse("amqp://u:p@n1:5672/vh, amqp://n2:5673/vh,amqps://n3/vh");
    assertThat(settings.addresses())
        .containsExactly(new Address("n1", 5672), new Address("n2", 5673), new Address("n3", 5671));
    assertThat(settings.primary().getUserInfo()).isEqualTo("u:p");
  }

  @Test
  void shouldRefuseOtherSchemesNamingTheUriWithoutPassword() {
    assertThatThrownBy(() -> BrokerSettings.parse("http://u:secret@host/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http://u:****@host/")
        .hasMessageNotContaining("secret");
  }

  @Test
  void shouldRefuseAPasswordWithARawColonWithoutShowingIt() {
    assertThatThrownBy(() -> BrokerSettings.parse("amqp://fleet:a:secret@host/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "AMQP URI has more than one ':' before its host; write a ':' of the password as %3A:"
                + " amqp://fleet:****@host/");
  }

  @Test
  void shouldPutAnotherPasswordIntoEveryUriKeepingUsersHostsAndVirtualHost() {
    BrokerSettings settings =
        BrokerSettings.parse("amqp://fleet:old@n1:5672/%2F?heartbeat=5,amqps://n2/%2F")
            .withPassword("n3w:p@ss/word+é");

    assertThat(settings.uris())
        .extracting(URI::toString)
        .containsExactly(
            "amqp://fleet:n3w%3Ap%40ss%2Fword%2B%C3%A9@n1:5672/%2F?heartbeat=5",
            "amqps://guest:n3w%3Ap%40ss%2Fword%2B%C3%A9@n2/%2F");
    assertThat(settings.primary().getUserInfo()).isEqualTo("fleet:n3w:p@ss/word+é");
    assertThat(settings.display())
        .isEqualTo("amqp://fleet:****@n1:5672/%2F?heartbeat=5,amqps://guest:****@n2/%2F");
  }

  @Test
  void shouldRefuseAnEmptyList() {
    assertThatThrownBy(() -> BrokerSettings.parse(" , "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
