package io.factorfleet.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.factorfleet.broker.BrokerSettings;
import io.factorfleet.settings.CommandLines;
import io.factorfleet.testing.CapturedLogs;
import io.factorfleet.testing.RabbitBroker;
import io.factorfleet.topology.Topology;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The whole fleet-worker program in this process, as an operator starts it on a host. */
@ExtendWith(RabbitBroker.class)
class WorkerCommandIT {
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final Pattern FALLBACK_PORT =
      Pattern.compile("serving /metrics and /health on port (\\d+) instead");

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<RunningWorker> started = new ArrayList<>();

  @AfterEach
  void stopWorkers() {
    started.forEach(RunningWorker::stop);
  }

  @Test
  void shouldRunTwoWorkersWithTheSameMetricsPortOnOneHost(BrokerSettings broker, Topology topology)
      throws Exception {
    int port = freePort();
    try (CapturedLogs logs = CapturedLogs.start()) {
      // GIVEN a worker serving on the port
      RunningWorker first = start(broker, topology, "--metrics-port=" + port, "--worker-id=w1");
      awaitHealthy(port);

      // WHEN a second one is started with the same settings
      RunningWorker second = start(broker, topology, "--metrics-port=" + port, "--worker-id=w2");

      // THEN it serves on another port, named in its log, and both run until stopped
      Matcher fallback = FALLBACK_PORT.matcher("");
      await()
          .atMost(PATIENCE)
          .failFast("the second worker exited", second.exit::isDone)
          .until(() -> fallback.reset(logs.text()).find());
      int secondPort = Integer.parseInt(fallback.group(1));
      awaitHealthy(secondPort);
      assertThat(get(secondPort, "/metrics")).contains("worker=\"w2\"");
      assertThat(get(port, "/metrics")).contains("worker=\"w1\"");
      assertThat(first.stop()).isZero();
      assertThat(second.stop()).as(second.err.toString()).isZero();
    } finally {
      RabbitBroker.deleteQueues(broker, topology);
    }
  }

  private RunningWorker start(BrokerSettings broker, Topology topology, String... args) {
    RunningWorker worker = new RunningWorker(broker, topology, args);
    started.add(worker);
    return worker;
  }

  private void awaitHealthy(int port) {
    await()
        .atMost(PATIENCE)
        .ignoreExceptionsInstanceOf(IOException.class)
        .until(() -> status(port, "/health") == 200);
  }

  private int status(int port, String path) throws IOException, InterruptedException {
    return send(port, path).statusCode();
  }

  private String get(int port, String path) throws IOException, InterruptedException {
    return send(port, path).body();
  }

  private HttpResponse<String> send(int port, String path)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** One fleet-worker run on a thread of its own, with the test broker and queues. */
  private static final class RunningWorker {
    final WorkerCommand command = new WorkerCommand();
    final StringWriter err = new StringWriter();
    final CompletableFuture<Integer> exit = new CompletableFuture<>();

    RunningWorker(BrokerSettings broker, Topology topology, String... args) {
      Map<String, String> environment = RabbitBroker.environment(broker, topology);
      // a thread of its own: the common pool may have a single thread on a small machine
      Thread thread =
          new Thread(
              () ->
                  exit.complete(
                      CommandLines.create(
                              command,
                              environment,
                              new PrintWriter(new StringWriter(), true),
                              new PrintWriter(err, true))
                          .execute(concat(args, "--threads=1"))),
              "fleet-worker " + String.join(" ", args));
      thread.setDaemon(true);
      thread.start();
    }

    /** Asks the worker to stop and returns its exit status. */
    int stop() {
      command.requestStop();
      return exit.orTimeout(PATIENCE.toSeconds(), TimeUnit.SECONDS).join();
    }

    private static String[] concat(String[] args, String more) {
      String[] all = Arrays.copyOf(args, args.length + 1);
      all[args.length] = more;
      return all;
    }
  }
}
