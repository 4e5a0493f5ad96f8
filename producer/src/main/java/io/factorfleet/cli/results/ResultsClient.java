package io.factorfleet.cli.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.factorfleet.results.JobStatus;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads submitted jobs from the aggregator service's HTTP API, served beside its /metrics: {@code
 * GET /jobs/<job>} for a job's state, {@code GET /jobs/<job>/output} (and {@code errors}, {@code
 * info}) for a written job's files, {@code DELETE /jobs/<job>} to delete them.
 */
public final class ResultsClient {
  /** How long a request may take to connect; answers may stream for longer. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final URI base;
  private final HttpClient client;
  private final ObjectMapper mapper = new ObjectMapper();

  /**
   * @param base the service's address, such as {@code http://127.0.0.1:9401}
   */
  public ResultsClient(URI base) {
    if (base.getScheme() == null
        || !(base.getScheme().equals("http") || base.getScheme().equals("https"))
        || base.getHost() == null) {
      throw new IllegalArgumentException(
          "results URL must be http://HOST:PORT or https://HOST:PORT, got " + base);
    }
    String text = base.toString();
    this.base = URI.create(text.endsWith("/") ? text : text + "/");
    // The JDK 17 client holds no resource that needs closing: its threads are daemons.
    this.client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
  }

  /** The service's address, for messages. */
  public String display() {
    return base.toString().replaceAll("/$", "");
  }

  /** The job's state; {@code unknown} when the service has no such job. */
  public JobStatus status(String job) throws ResultsUnavailableException, InterruptedException {
    HttpResponse<String> response =
        send(request(job).GET().build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200 && response.statusCode() != 404) {
      throw unexpected(response.statusCode(), response.body());
    }
    try {
      return JobStatus.fromJson(mapper.readTree(response.body()), job);
    } catch (IOException | IllegalArgumentException e) {
      throw new ResultsUnavailableException(
          "the aggregator service at " + display() + " answered what is not a job's state", e);
    }
  }

  /**
   * A written job's {@code output}, {@code errors} or {@code info}, to be read and closed by the
   * caller; empty when the service does not have it.
   */
  public Optional<InputStream> part(String job, String part)
      throws ResultsUnavailableException, InterruptedException {
    HttpResponse<InputStream> response =
        send(request(job + "/" + part).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() == 200) {
      return Optional.of(response.body());
    }
    String body = drain(response.body());
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    throw unexpected(response.statusCode(), body);
  }

  /**
   * Deletes a written job's files.
   *
   * @throws ResultsUnavailableException when the service did not delete them, saying why
   */
  public void delete(String job) throws ResultsUnavailableException, InterruptedException {
    HttpResponse<String> response =
        send(request(job).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw unexpected(response.statusCode(), response.body());
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve("jobs/" + path));
  }

  private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws ResultsUnavailableException, InterruptedException {
    try {
      return client.send(request, handler);
    } catch (IOException e) {
      throw new ResultsUnavailableException(
          "the aggregator service at "
              + display()
              + " did not answer ("
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
              + ")",
          e);
    }
  }

  private ResultsUnavailableException unexpected(int status, String body) {
    return new ResultsUnavailableException(
        "the aggregator service at " + display() + " answered " + status + ": " + body.strip());
  }

  private static String drain(InputStream body) {
    try (body) {
      return new String(body.readNBytes(1_000), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
