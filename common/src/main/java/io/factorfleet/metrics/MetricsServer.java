package io.factorfleet.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a process's meters and health over HTTP with the JDK's own server:
 *
 * <ul>
 *   <li>{@code GET /metrics}: every meter in the Prometheus text format;
 *   <li>{@code GET /health}: 200 and {@code consuming} while the process does its job, 503 and the
 *       reason otherwise, for container healthchecks and liveness probes.
 * </ul>
 */
public final class MetricsServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MetricsServer.class);

  /** The Prometheus text exposition format, version 0.0.4. */
  public static final String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private static final String TEXT = "text/plain; charset=utf-8";

  /** Requests answered at once. */
  private static final int HANDLER_THREADS = 4;

  private final HttpServer server;
  private final ExecutorService executor;

  private MetricsServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts serving on all interfaces on {@code preferredPort}, or, when it cannot be bound (another
   * process holds it), on a free port the system chooses, with a warning naming the port served.
   * Several workers started with the same settings on one host so all serve, and {@link #port()}
   * tells where.
   *
   * @param preferredPort the port to serve on when free, from 1 to 65535
   * @param metrics what {@code /metrics} shows
   * @param health asked at every {@code /health} request
   * @throws IOException when no port at all can be bound
   */
  public static MetricsServer startPreferring(
      int preferredPort, PrometheusMetrics metrics, Supplier<Health> health) throws IOException {
    MetricsServer server;
    try {
      server = start(preferredPort, metrics, health);
    } catch (BindException inUse) {
      server = start(0, metrics, health);
      // "cannot serve metrics on port 9400: Address already in use; serving ... on port 41234"
      log.warn(
          "{}; serving /metrics and /health on port {} instead", inUse.getMessage(), server.port());
      return server;
    }
    log.info("serving /metrics and /health on port {}", server.port());
    return server;
  }

  /**
   * Starts serving on all interfaces.
   *
   * @param port the port, or 0 for any free one (see {@link #port()})
   * @param metrics what {@code /metrics} shows
   * @param health asked at every {@code /health} request
   * @throws IOException when the port cannot be bound
   */
  public static MetricsServer start(int port, PrometheusMetrics metrics, Supplier<Health> health)
      throws IOException {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(port), 0);
    } catch (BindException e) {
      throw new BindException("cannot serve metrics on port " + port + ": " + e.getMessage());
    }
    // A few threads, so that a long response (a job's results, say) never holds up /health.
    ExecutorService executor =
        Executors.newFixedThreadPool(
            HANDLER_THREADS,
            runnable -> {
              Thread thread = new Thread(runnable, "metrics-server");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    server.createContext(
        "/metrics", exchange -> respond(exchange, 200, PROMETHEUS_CONTENT_TYPE, metrics.scrape()));
    server.createContext(
        "/health",
        exchange -> {
          Health now = health.get();
          respond(exchange, now.healthy() ? 200 : 503, TEXT, now.reason() + "\n");
        });
    server.start();
    return new MetricsServer(server, executor);
  }

  /**
   * Serves {@code handler} at {@code path} and below, beside /metrics and /health: a service's own
   * endpoints.
   */
  public MetricsServer route(String path, HttpHandler handler) {
    server.createContext(path, handler);
    return this;
  }

  /** The port served, the one chosen by the system when 0 was asked for. */
  public int port() {
    return server.getAddress().getPort();
  }

  private static void respond(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())
          && !"HEAD".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", contentType);
      boolean head = "HEAD".equals(exchange.getRequestMethod());
      exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
