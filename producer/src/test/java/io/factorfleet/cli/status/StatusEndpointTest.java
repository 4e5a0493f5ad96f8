package io.factorfleet.cli.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.factorfleet.broker.BrokerSettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Where the management API is and how {@code fleet status} logs in to it. */
class StatusEndpointTest {
  private static final BrokerSettings BROKER =
      BrokerSettings.parse("amqp://fleet:s%40cret@rabbit-1:5672/prod,amqp://rabbit-2:5672/prod");

  @Test
  void shouldTakeUserPasswordAndVirtualHostFromTheAmqpUri() {
    ManagementEndpoint endpoint = ManagementEndpoint.of("http://rabbit-1:15672", BROKER);

    assertThat(endpoint)
        .isEqualTo(
            new ManagementEndpoint(URI.create("http://rabbit-1:15672"), "fleet", "s@cret", "prod"));
    assertThat(endpoint.authorization()).isEqualTo("Basic " + base64("fleet:s@cret"));
  }

  @Test
  void shouldLogInWithThePasswordThatReplacedTheAmqpUris() {
    ManagementEndpoint endpoint =
        ManagementEndpoint.of("http://rabbit-1:15672", BROKER.withPassword("from-a-file"));

    assertThat(endpoint.user()).isEqualTo("fleet");
    assertThat(endpoint.password()).isEqualTo("from-a-file");
  }

  @Test
  void shouldTakeTheDefaultVirtualHostWhenTheAmqpUriNamesNone() {
    assertThat(virtualHostFor("amqp://guest:guest@localhost:5672/%2F")).isEqualTo("/");
    assertThat(virtualHostFor("amqp://localhost")).isEqualTo("/");
    assertThat(virtualHostFor("amqp://localhost/a%2Fb+c")).isEqualTo("a/b+c");
  }

  @Test
  void shouldLogInAsGuestWhenNoUriNamesAUser() {
    ManagementEndpoint endpoint =
        ManagementEndpoint.of(
            ManagementEndpoint.DEFAULT_URI, BrokerSettings.parse("amqp://localhost"));

    assertThat(endpoint.user()).isEqualTo("guest");
    assertThat(endpoint.password()).isEqualTo("guest");
  }

  @Test
  void shouldPreferTheUserOfTheManagementUriAndNeverShowItsPassword() {
    ManagementEndpoint endpoint =
        ManagementEndpoint.of("https://monitor:watch@rabbit-1:15671/rabbitmq/", BROKER);

    assertThat(endpoint.user()).isEqualTo("monitor");
    assertThat(endpoint.password()).isEqualTo("watch");
    assertThat(endpoint.display()).isEqualTo("https://rabbit-1:15671/rabbitmq/");
    assertThat(endpoint.resolve("/api/queues/prod"))
        .isEqualTo(URI.create("https://rabbit-1:15671/rabbitmq/api/queues/prod"));
  }

  @Test
  void shouldRefuseAUriThatIsNotHttpWithoutShowingItsPassword() {
    assertThatThrownBy(() -> ManagementEndpoint.of("ftp://u:secret@host:15672", BROKER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "management API URI must start with http:// or https://: ftp://u:****@host:15672");
    assertThatThrownBy(() -> ManagementEndpoint.of("http://", BROKER))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldNeverShowThePasswordAsText() {
    ManagementEndpoint endpoint = ManagementEndpoint.of("http://rabbit-1:15672", BROKER);

    assertThat(endpoint.toString()).isEqualTo("http://rabbit-1:15672 as fleet");
  }

  private static String virtualHostFor(String amqpUri) {
    return ManagementEndpoint.of("http://localhost:15672", BrokerSettings.parse(amqpUri))
        .virtualHost();
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
