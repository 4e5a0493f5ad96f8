package io.factorfleet.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.factorfleet.broker.BrokerSettings;
import io.factorfleet.settings.CommandLines;
import io.factorfleet.testing.CapturedLogs;
import io.factorfleet.testing.RabbitBroker;
import io.factorfleet.text.NumberParser;
import io.factorfleet.topology.Topology;
import io.factorfleet.wire.NumberResult;
import io.factorfleet.wire.ResultMessage;
import io.factorfleet.worker.warmup.WarmUp;
import io.factorfleet.worker.warmup.WarmUpSample;
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
import java.util.concurrent.CountDownLatch;
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

  @Test
  void shouldReportWarmingUpOnHealthUntilTheWarmUpIsDone(BrokerSettings broker, Topology topology)
      throws Exception {
    int port = freePort();
    CountDownLatch release = new CountDownLatch(1);
    TaskProcessor processor = processor();
    WorkerCommand command =
        new WorkerCommand(
            settings ->
                new WarmUp(
                    WarmUpSample.draw(0.01),
                    task -> {
                      awaitQuietly(release);
                      return processor.process(task);
                    },
                    settings.threads()));
    try (CapturedLogs logs = CapturedLogs.start()) {
      // GIVEN a worker whose warm-up waits
      RunningWorker worker = start(command, broker, topology, "--metrics-port=" + port);

      // THEN it is not ready and says why, and does not consume
      await()
          .atMost(PATIENCE)
          .ignoreExceptionsInstanceOf(IOException.class)
          .until(() -> status(port, "/health") == 503);
      assertThat(get(port, "/health")).isEqualTo(WorkerCommand.WARMING_UP + "\n");
      assertThat(get(port, "/metrics")).contains("fleet_tasks_consumed_total{");
      assertThat(logs.text()).doesNotContain("consuming");

      // WHEN the warm-up goes on
      release.countDown();

      // THEN it becomes ready, having logged the warm-up's duration
      awaitHealthy(port);
      assertThat(logs.text()).containsPattern("INFO warmed up in \\d+ ms: \\d+ numbers");
      assertThat(worker.stop()).isZero();
    } finally {
      release.countDown();
      RabbitBroker.deleteQueues(broker, topology);
    }
  }

  @Test
  void shouldExitWithThreeAndNeverConsumeWhenTheEngineAnswersWrongly(
      BrokerSettings broker, Topology topology) throws Exception {
    TaskProcessor processor = processor();
    WorkerCommand command =
        new WorkerCommand(
            settings ->
                new WarmUp(
                    WarmUpSample.draw(0.01),
                    task -> {
                      ResultMessage right = processor.process(task);
                      List<NumberResult> wrong = new ArrayList<>(right.results());
                      wrong.set(0, NumberResult.complete(wrong.get(0).n(), List.of("7")));
                      return new ResultMessage(
                          right.version(),
                          right.job(),
                          right.task(),
                          right.worker(),
                          right.nanos(),
                          wrong);
                    },
                    settings.threads()));
    try (CapturedLogs logs = CapturedLogs.start()) {
      RunningWorker worker = start(command, broker, topology, "--metrics-port=0");

      int code = worker.exit.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

      assertThat(code).isEqualTo(WorkerCommand.ENGINE_CHECK_FAILED);
      assertThat(worker.err.toString())
          .startsWith("fleet-worker: the factoring engine answered ")
          .contains(" with '", ": 7' instead of ", "; this worker takes no task")
          .hasLineCount(1);
      assertThat(logs.text()).doesNotContain("consuming");
    }
  }

  private static TaskProcessor processor() {
    return new TaskProcessor(
        Duration.ofMinutes(1), Duration.ofMinutes(5), new NumberParser(100), "test");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private RunningWorker start(BrokerSettings broker, Topology topology, String... args) {
    return start(new WorkerCommand(), broker, topology, concat(args, "--warm-up=false"));
  }

  private RunningWorker start(
      WorkerCommand command, BrokerSettings broker, Topology topology, String... args) {
    RunningWorker worker = new RunningWorker(command, broker, topology, args);
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

  private static String[] concat(String[] args, String... more) {
    String[] all = Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** One fleet-worker run on a thread of its own, with the test broker and queues. */
  private static final class RunningWorker {
    final WorkerCommand command;
    final StringWriter err = new StringWriter();
    final CompletableFuture<Integer> exit = new CompletableFuture<>();

    RunningWorker(WorkerCommand command, BrokerSettings broker, Topology topology, String... args) {
      this.command = command;
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
  }
}
