package io.factorfleet.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Tags;
import java.io.IOException;
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
    metrics = PrometheusMetrics.create(Tags.of("worker", "w1"));
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
    metrics.rabbitCollector();

    assertThat(get("/metrics").body())
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
  void shouldRefuseWhatIsNotARead() throws Exception {
    HttpRequest post =
        HttpRequest.newBuilder(uri("/health")).POST(HttpRequest.BodyPublishers.noBody()).build();

    assertThat(http.send(post, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + server.port() + path);
  }
}
