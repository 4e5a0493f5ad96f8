package io.factorfleet.aggregator.service;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.factorfleet.results.JobStatus;
import io.factorfleet.wire.WireCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's jobs over HTTP, beside /metrics and /health, for {@code fleet wait} and {@code
 * fleet result}:
 *
 * <ul>
 *   <li>{@code GET /jobs/<job>}: the job's {@link JobStatus} as JSON; 404 with the same JSON when
 *       the service does not know the job;
 *   <li>{@code GET /jobs/<job>/output}, {@code …/errors}, {@code …/info}: a written job's {@code
 *       <job>.txt}, its errors (empty when there are none) and its {@link TaskInfo}; 404 when the
 *       job is unknown, 409 while it is running or when it failed;
 *   <li>{@code DELETE /jobs/<job>}: deletes a written or failed job's files; 404 when unknown, 409
 *       while it is running.
 * </ul>
 */
final class ResultsApi implements HttpHandler {
  private static final Logger log = LoggerFactory.getLogger(ResultsApi.class);

  /** Where the API is served. */
  static final String PATH = "/jobs/";

  private static final String JSON = "application/json";
  private static final String TEXT = "text/plain; charset=utf-8";

  private final SpoolDirectory spool;

  ResultsApi(SpoolDirectory spool) {
    this.spool = spool;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String[] path = exchange.getRequestURI().getPath().substring(PATH.length()).split("/", -1);
      String job = path[0];
      if (!WireCodec.isJobId(job) || path.length > 2) {
        respond(exchange, 400, TEXT, "not a job id or part of a job: " + exchange.getRequestURI());
        return;
      }
      String method = exchange.getRequestMethod();
      if (path.length == 1 && method.equals("GET")) {
        JobStatus status = spool.status(job);
        respond(
            exchange, status.state() == JobStatus.State.UNKNOWN ? 404 : 200, JSON, status.toJson());
      } else if (path.length == 1 && method.equals("DELETE")) {
        delete(exchange, job);
      } else if (path.length == 2 && method.equals("GET")) {
        serveFile(exchange, job, path[1]);
      } else {
        exchange.getResponseHeaders().set("Allow", path.length == 1 ? "GET, DELETE" : "GET");
        respond(exchange, 405, TEXT, method + " is not served here");
      }
    } catch (IOException | RuntimeException e) {
      log.warn(
          "could not answer {} {}: {}",
          exchange.getRequestMethod(),
          exchange.getRequestURI(),
          e.toString());
      throw e;
    }
  }

  private void delete(HttpExchange exchange, String job) throws IOException {
    try {
      if (spool.delete(job)) {
        respond(exchange, 200, TEXT, "job " + job + " deleted");
      } else {
        respond(exchange, 404, TEXT, "unknown job " + job);
      }
    } catch (IllegalStateException running) {
      respond(exchange, 409, TEXT, running.getMessage());
    }
  }

  private void serveFile(HttpExchange exchange, String job, String part) throws IOException {
    Path file =
        switch (part) {
          case "output" -> spool.outputOf(job);
          case "errors" -> spool.errorsOf(job);
          case "info" -> spool.infoOf(job);
          default -> null;
        };
    if (file == null) {
      respond(exchange, 404, TEXT, "a job has output, errors and info, not " + part);
      return;
    }
    JobStatus status = spool.status(job);
    switch (status.state()) {
      case RUNNING -> respond(exchange, 409, TEXT, "job " + job + " is still running");
      case FAILED -> respond(exchange, 409, TEXT, "job " + job + " failed: " + status.reason());
      case UNKNOWN -> respond(exchange, 404, TEXT, "unknown job " + job);
      case WRITTEN -> serveWritten(exchange, job, part, file);
    }
  }

  private void serveWritten(HttpExchange exchange, String job, String part, Path file)
      throws IOException {
    InputStream in;
    try {
      in = Files.newInputStream(file);
    } catch (NoSuchFileException missing) {
      if (part.equals("errors")) {
        respond(exchange, 200, TEXT, ""); // every number was factored
      } else {
        respond(exchange, 404, TEXT, "job " + job + " has no " + part);
      }
      return;
    }
    try (in) {
      exchange.getResponseHeaders().set("Content-Type", TEXT);
      exchange.sendResponseHeaders(200, Files.size(file));
      try (OutputStream body = exchange.getResponseBody()) {
        in.transferTo(body);
      }
    }
  }

  private static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = (body + "\n").getBytes(StandardCharsets.UTF_8);
    if (body.isEmpty()) {
      bytes = new byte[0];
    }
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
