package io.factorfleet.cli.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.factorfleet.broker.BrokerSettings;
import io.factorfleet.topology.Topology;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The management API client against a small HTTP server standing in for RabbitMQ's. */
class StatusManagementApiTest {
  private static final BrokerSettings BROKER =
      BrokerSettings.parse("amqp://fleet:secret@localhost:5672/%2F");
  private static final String FLEET_PAGE =
      """
      {"filtered_count":1,"items":[{"name":"fleet.tasks","messages_ready":5,"consumers":2}]}
      """;
  private static final String JOB_PAGE =
      """
      {"filtered_count":1,"items":[{"name":"fleet.results.job-1","messages_ready":3}]}
      """;

  private final List<HttpExchange> requests = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void shouldReadFilteredPagesOfTheVirtualHostsQueuesWithTheAmqpUrisCredentials() throws Exception {
    serve(200, FLEET_PAGE, JOB_PAGE);

    FleetQueueStats stats = api().fleetQueues(Topology.defaults());

    assertThat(stats.queues().get(0)).isEqualTo(new QueueStats("fleet.tasks", true, 5, 0, 2, 0, 0));
    assertThat(stats.jobsInFlight()).isEqualTo(1);
    assertThat(requests).hasSize(2);
    assertThat(requests)
        .allSatisfy(
            request -> {
              assertThat(request.getRequestURI().getRawPath()).isEqualTo("/api/queues/%2F");
              assertThat(request.getRequestHeaders().getFirst("Authorization"))
                  .isEqualTo(ManagementEndpoint.of(uri(), BROKER).authorization());
              assertThat(query(request)).contains("page=1", "use_regex=true");
            });
    assertThat(query(requests.get(0)))
        .contains("name=^(?:fleet\\.tasks|fleet\\.results|fleet\\.dead)$");
    assertThat(query(requests.get(1))).contains("name=^fleet\\.results\\.&");
  }

  @Test
  void shouldSayWhichUserWasRefused() throws Exception {
    serve(401, "{\"error\":\"not_authorized\",\"reason\":\"Login failed\"}");

    assertThatThrownBy(() -> api().fleetQueues(Topology.defaults()))
        .isInstanceOf(ManagementApiException.class)
        .hasMessage("HTTP 401: user 'fleet' was refused");
  }

  @Test
  void shouldGiveTheApisReasonForAnyOtherError() throws Exception {
    serve(404, "{\"error\":\"Object Not Found\",\"reason\":\"Not Found\"}");

    assertThatThrownBy(() -> api().fleetQueues(Topology.defaults()))
        .isInstanceOf(ManagementApiException.class)
        .hasMessage("HTTP 404: Not Found");
  }

  @Test
  void shouldSayWhenTheAnswerIsNotTheApis() throws Exception {
    serve(200, "<html>not RabbitMQ</html>");

    assertThatThrownBy(() -> api().fleetQueues(Topology.defaults()))
        .isInstanceOf(ManagementApiException.class)
        .hasMessage("the answer is not JSON");
  }

  @Test
  void shouldSayWhenNothingListensOnThePort() throws Exception {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort();
    }

    assertThatThrownBy(() -> api("http://127.0.0.1:" + port).fleetQueues(Topology.defaults()))
        .isInstanceOf(ManagementApiException.class)
        .hasMessage("connection refused");
  }

  @Test
  void shouldGiveUpOnAnApiThatDoesNotAnswerWithinTwoSeconds() throws Exception {
    // Connections complete in the backlog of a socket that never accepts, and get no answer.
    try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      String uri = "http://127.0.0.1:" + silent.getLocalPort();

      assertThatThrownBy(() -> api(uri).fleetQueues(Topology.defaults()))
          .isInstanceOf(ManagementApiException.class)
          .hasMessage("no answer within 2 s");
    }
  }

  private void serve(int status, String... bodies) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.add(exchange);
          String body = bodies[Math.min(requests.size(), bodies.length) - 1];
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
  }

  private String uri() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private ManagementApi api() {
    return api(uri());
  }

  private static ManagementApi api(String uri) {
    return new ManagementApi(ManagementEndpoint.of(uri, BROKER));
  }

  private static String query(HttpExchange request) {
    return URLDecoder.decode(request.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
  }
}
