package io.factorfleet.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.MetricsCollector;
import io.factorfleet.testing.CapturedLogs;
import java.io.IOException;
import java.lang.ref.Reference;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetricsServerTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicReference<Health> health = new AtomicReference<>(Health.up());
  private PrometheusMetrics metrics;
  private MetricsServer server;

  @BeforeEach
  void start() throws IOException {
    metrics = PrometheusMetrics.forWorker("w1");
    server = MetricsServer.start(0, metrics, health::get);
  }

  @AfterEach
  void stop() {
    server.close();
    metrics.close();
  }

  @Test
  void shouldServeTheFleetsMetricsInThePrometheusFormat() throws Exception {
    FleetMetrics fleet = metrics.fleet();
    fleet.taskConsumed(Duration.ofSeconds(2));
    fleet.taskFactored(100, Duration.ofMillis(30));
    fleet.taskAcked();
    fleet.tasksInFlight(() -> 3);

    HttpResponse<String> response = get("/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue(MetricsServer.PROMETHEUS_CONTENT_TYPE);
    assertThat(response.body())
        .contains(
            "fleet_tasks_consumed_total{worker=\"w1\"} 1.0",
            "fleet_tasks_acked_total{worker=\"w1\"} 1.0",
            "fleet_numbers_factored_total{worker=\"w1\"} 100.0",
            "fleet_tasks_in_flight{worker=\"w1\"} 3.0",
            "fleet_task_factoring_seconds_bucket{",
            "fleet_task_queue_wait_seconds_count{worker=\"w1\"} 1",
            "jvm_memory_used_bytes",
            "jvm_threads_live_threads");
  }

  @Test
  void shouldServeTheRabbitMqClientsMetricsWithTheProcessesTags() throws Exception {
    MetricsCollector collector = metrics.rabbitCollector();

    // The client's gauges reference the collector weakly, as a connection factory holds it: kept
    // reachable here, so that a collection between the two lines cannot turn them into NaN.
    String body = get("/metrics").body();
    Reference.reachabilityFence(collector);

    assertThat(body)
        .contains(
            "rabbitmq_connections{worker=\"w1\"} 0.0", "rabbitmq_published_total{worker=\"w1\"}");
  }

  @Test
  void shouldAnswerHealthyWithOneLine() throws Exception {
    HttpResponse<String> response = get("/health");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("consuming\n");
  }

  @Test
  void shouldAnswerUnhealthyWithTheReason() throws Exception {
    health.set(Health.down("not connected to RabbitMQ"));

    HttpResponse<String> response = get("/health");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).isEqualTo("not connected to RabbitMQ\n");
  }

  @Test
  void shouldServeOnAFreePortWithAWarningWhenThePreferredOneIsInUse() throws Exception {
    int taken = server.port();
    String logged;
    MetricsServer second;
    try (CapturedLogs logs = CapturedLogs.start()) {
      second = MetricsServer.startPreferring(taken, metrics, () -> Health.down("second"));
      logged = logs.text();
    }
    try (second) {
      assertThat(second.port()).isNotEqualTo(taken).isPositive();
      assertThat(logged)
          .contains(
              "WARN cannot serve metrics on port " + taken + ": ",
              "; serving /metrics and /health on port " + second.port() + " instead");
      assertThat(get(second.port(), "/health").body()).isEqualTo("second\n");
      assertThat(get(taken, "/health").body()).isEqualTo("consuming\n");
    }
  }

  @Test
  void shouldServeOnThePreferredPortWhenItIsFree() throws Exception {
    int free;
    try (ServerSocket socket = new ServerSocket(0)) {
      free = socket.getLocalPort();
    }
    try (MetricsServer preferred = MetricsServer.startPreferring(free, metrics, health::get)) {
      assertThat(preferred.port()).isEqualTo(free);
    }
  }

  @Test
  void shouldRefuseWhatIsNotARead() throws Exception {
    HttpRequest post =
        HttpRequest.newBuilder(uri("/health")).POST(HttpRequest.BodyPublishers.noBody()).build();

    assertThat(http.send(post, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return get(server.port(), path);
  }

  private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri(port, path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return uri(server.port(), path);
  }

  private static URI uri(int port, String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
