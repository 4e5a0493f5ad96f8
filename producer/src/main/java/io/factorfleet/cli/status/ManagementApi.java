package io.factorfleet.cli.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.factorfleet.broker.PercentEncoding;
import io.factorfleet.topology.Topology;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;

/**
 * Reads the fleet's queues from RabbitMQ's management HTTP API: two requests, each a filtered page
 * of {@code GET /api/queues/<vhost>}, one for the task, result and dead-letter queues and one for
 * the job reply queues ({@code <result-queue>.<job-id>}).
 */
public final class ManagementApi {
  /** How long {@code fleet status} waits for the API to connect, and then to answer. */
  public static final Duration TIMEOUT = Duration.ofSeconds(2);

  /** The most queues the API lists on one page. */
  static final int PAGE_SIZE = 500;

  private static final String COLUMNS =
      String.join(
          ",",
          "name",
          "messages_ready",
          "messages_unacknowledged",
          "consumers",
          "message_stats.publish_details.rate",
          "message_stats.deliver_get_details.rate");

  private final ManagementEndpoint endpoint;
  private final HttpClient client;
  private final ObjectMapper mapper = new ObjectMapper();

  public ManagementApi(ManagementEndpoint endpoint) {
    this.endpoint = endpoint;
    // The JDK 17 client holds no resource that needs closing: its threads are daemons.
    this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  /**
   * The fleet's queues and the jobs in flight.
   *
   * @throws ManagementApiException saying briefly why the API gave no usable answer
   */
  public FleetQueueStats fleetQueues(Topology topology)
      throws ManagementApiException, InterruptedException {
    String fleet =
        "^(?:"
            + String.join(
                "|",
                List.of(topology.taskQueue(), topology.resultQueue(), topology.deadLetterQueue())
                    .stream()
                    .map(ManagementApi::literal)
                    .toList())
            + ")$";
    String jobs = "^" + literal(topology.resultQueue() + ".");
    JsonNode fleetPage = get(queuesMatching(fleet));
    JsonNode jobPage = get(queuesMatching(jobs));
    try {
      return FleetQueueStats.fromJson(topology, fleetPage, jobPage);
    } catch (IllegalArgumentException e) {
      throw new ManagementApiException(e.getMessage(), e);
    }
  }

  private String queuesMatching(String regex) {
    return "/api/queues/"
        + PercentEncoding.encode(endpoint.virtualHost())
        + "?page=1&page_size="
        + PAGE_SIZE
        + "&sort=name&use_regex=true&name="
        + PercentEncoding.encode(regex)
        + "&columns="
        + PercentEncoding.encode(COLUMNS);
  }

  private JsonNode get(String path) throws ManagementApiException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint.resolve(path))
            .timeout(TIMEOUT)
            .header("Accept", "application/json")
            .header("Authorization", endpoint.authorization())
            .GET()
            .build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpConnectTimeoutException e) {
      throw new ManagementApiException("no connection within " + seconds(TIMEOUT), e);
    } catch (HttpTimeoutException e) {
      throw new ManagementApiException("no answer within " + seconds(TIMEOUT), e);
    } catch (ConnectException e) {
      throw new ManagementApiException("connection refused", e);
    } catch (IOException e) {
      throw new ManagementApiException(
          e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
    }
    if (response.statusCode() == 401) {
      throw new ManagementApiException("HTTP 401: user '" + endpoint.user() + "' was refused");
    }
    if (response.statusCode() != 200) {
      throw new ManagementApiException("HTTP " + response.statusCode() + reasonIn(response));
    }
    try {
      return mapper.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw new ManagementApiException("the answer is not JSON", e);
    }
  }

  /** The API's own reason for an error, such as {@code ": Not Found"}, when it gave one. */
  private String reasonIn(HttpResponse<String> response) {
    try {
      String reason = mapper.readTree(response.body()).path("reason").asText("");
      return reason.isEmpty() ? "" : ": " + reason;
    } catch (JsonProcessingException e) {
      return "";
    }
  }

  /**
   * A regular expression matching {@code text} exactly. The API matches with Erlang's {@code re}
   * (PCRE), where a backslash makes any character that is not a letter or digit literal.
   */
  static String literal(String text) {
    StringBuilder escaped = new StringBuilder();
    text.codePoints()
        .forEach(
            c -> {
              if (!Character.isLetterOrDigit(c) && c != '_') {
                escaped.append('\\');
              }
              escaped.appendCodePoint(c);
            });
    return escaped.toString();
  }

  private static String seconds(Duration duration) {
    return duration.toSeconds() + " s";
  }
}
