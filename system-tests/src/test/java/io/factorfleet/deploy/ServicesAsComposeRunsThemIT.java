package io.factorfleet.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.factorfleet.broker.BrokerSettings;
import io.factorfleet.settings.EnvironmentDefaults;
import io.factorfleet.testing.RabbitBroker;
import io.factorfleet.topology.Topology;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker and aggregator jars run as local processes with the environment docker-compose.yml
 * gives their containers, only pointed at the test broker, private queues, a free metrics port and
 * a temporary data directory: they must factor, answer /metrics and /health, pass the compose
 * healthcheck and stop cleanly on SIGTERM.
 */
@ExtendWith(RabbitBroker.class)
class ServicesAsComposeRunsThemIT {
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final String METRICS_PORT = EnvironmentDefaults.variableFor("--metrics-port");
  private static final String DATA_DIR = EnvironmentDefaults.variableFor("--data-dir");
  private static final String PASSWORD_FILE =
      EnvironmentDefaults.variableFor("--amqp-password-file");

  /** Compose's {@code ${NAME:-default}} and {@code ${NAME:?message}}. */
  private static final Pattern INTERPOLATION =
      Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::([-?])([^}]*))?}");

  private static final Pattern NUMBERS_FACTORED =
      Pattern.compile("(?m)^fleet_numbers_factored_total\\{worker=\"([^\"]+)\"} (\\S+)$");

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final JsonNode compose = DeployFiles.compose();
  private final List<Process> started = new ArrayList<>();

  @TempDir Path work;

  @AfterEach
  void stopWhatIsLeft() throws InterruptedException {
    for (Process process : started) {
      if (process.isAlive()) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void shouldFactorReportMetricsAndHealthAndStopCleanlyWithTheirComposeEnvironment(
      BrokerSettings broker, Topology topology) throws Exception {
    Map<String, String> brokerEnvironment =
        new HashMap<>(RabbitBroker.environment(broker, topology));
    // The password as the credentials service hands it to the containers: in a file.
    brokerEnvironment.put(PASSWORD_FILE, passwordFileOf(broker).toString());
    Path dataDir = Files.createDirectories(work.resolve("data"));
    int workerPort = freePort();
    int aggregatorPort = freePort();
    try {
      // GIVEN
      Process worker = start("worker", brokerEnvironment, Map.of(METRICS_PORT, "" + workerPort));
      Process aggregator =
          start(
              "aggregator",
              brokerEnvironment,
              Map.of(METRICS_PORT, "" + aggregatorPort, DATA_DIR, dataDir.toString()));
      awaitHealthy(workerPort, worker);
      awaitHealthy(aggregatorPort, aggregator);

      // WHEN
      Result factor =
          runCli(brokerEnvironment, "", "factor", "123", "4567", "18446744073709551617");
      Result submit = runCli(brokerEnvironment, "12\n13\n", "submit");

      // THEN
      assertThat(factor.exitCode()).as(factor.err()).isZero();
      assertThat(factor.out())
          .isEqualTo("123: 3 41\n4567: 4567\n18446744073709551617: 274177 67280421310721\n");
      assertThat(submit.exitCode()).as(submit.err()).isZero();
      Path jobOutput = dataDir.resolve(submit.out().strip() + ".txt");
      await().atMost(PATIENCE).until(() -> Files.exists(jobOutput));
      assertThat(Files.readString(jobOutput)).isEqualTo("12: 2 2 3\n13: 13\n");

      String workerMetrics = get(workerPort, "/metrics").body();
      Matcher factored = NUMBERS_FACTORED.matcher(workerMetrics);
      assertThat(factored.find()).as(workerMetrics).isTrue();
      assertThat(factored.group(1)).endsWith("-" + worker.pid());
      assertThat(Double.parseDouble(factored.group(2))).isEqualTo(5.0);
      assertThat(workerMetrics)
          .contains(
              "fleet_tasks_acked_total{worker=\"" + factored.group(1) + "\"} 2.0",
              "fleet_task_factoring_seconds_count{worker=\"" + factored.group(1) + "\"} 2",
              "fleet_task_queue_wait_seconds_count{worker=\"" + factored.group(1) + "\"} 2",
              "rabbitmq_connections{worker=\"" + factored.group(1) + "\"} 1.0",
              "jvm_memory_used_bytes");
      assertThat(get(aggregatorPort, "/metrics").body())
          .contains("fleet_results_recorded_total 1.0", "fleet_jobs_completed_total 1.0");

      assertThat(composeHealthcheck("worker", workerPort).waitFor()).isZero();
      assertThat(composeHealthcheck("aggregator", aggregatorPort).waitFor()).isZero();

      // Stopped as docker stop stops a container: SIGTERM to the JVM.
      worker.destroy();
      aggregator.destroy();
      assertThat(worker.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(aggregator.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(worker.exitValue()).as(log("worker")).isZero();
      assertThat(aggregator.exitValue()).as(log("aggregator")).isZero();
    } finally {
      RabbitBroker.deleteQueues(broker, topology);
    }
  }

  /** A file holding the password of the broker's first URI, as the credentials service writes. */
  private Path passwordFileOf(BrokerSettings broker) throws IOException {
    String userInfo = broker.uris().get(0).getUserInfo();
    assertThat(userInfo).as("the test broker's URI names a user and password").contains(":");
    return Files.writeString(
        work.resolve("amqp-password"), userInfo.substring(userInfo.indexOf(':') + 1) + "\n");
  }

  /** Starts what a compose service runs, with the service's environment and the overrides. */
  private Process start(
      String service, Map<String, String> brokerEnvironment, Map<String, String> overrides)
      throws IOException {
    Map<String, String> environment = composeEnvironment(service);
    assertThat(environment).as(service).containsKeys(overrides.keySet().toArray(String[]::new));
    environment.putAll(brokerEnvironment);
    environment.putAll(overrides);
    Process process =
        processWith(environment, entrypointCommand(service, environment))
            .redirectOutput(work.resolve(service + ".log").toFile())
            .redirectErrorStream(true)
            .start();
    started.add(process);
    return process;
  }

  private Result runCli(Map<String, String> brokerEnvironment, String stdin, String... args)
      throws IOException, InterruptedException {
    Map<String, String> environment = composeEnvironment("producer");
    environment.putAll(brokerEnvironment);
    List<String> command = entrypointCommand("producer", environment);
    command.addAll(List.of(args));
    Path out = work.resolve("cli.out");
    Path err = work.resolve("cli.err");
    Process cli =
        processWith(environment, command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    cli.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    cli.getOutputStream().close();
    assertThat(cli.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("fleet finished").isTrue();
    return new Result(cli.exitValue(), Files.readString(out), Files.readString(err));
  }

  /** Runs the service's compose healthcheck command as Docker would run it in the container. */
  private Process composeHealthcheck(String service, int port) throws IOException {
    List<String> test = new ArrayList<>();
    compose
        .path("services")
        .path(service)
        .path("healthcheck")
        .path("test")
        .forEach(word -> test.add(word.asText().replace("$$", "$")));
    assertThat(test).as("%s healthcheck", service).first().isEqualTo("CMD");
    ProcessBuilder builder = new ProcessBuilder(test.subList(1, test.size()));
    builder.environment().put(METRICS_PORT, "" + port);
    return builder.inheritIO().start();
  }

  private static ProcessBuilder processWith(Map<String, String> environment, List<String> command) {
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(DeployFiles.repositoryRoot().toFile());
    // Only what compose sets, as in the container: nothing of the test run's own FLEET_* settings.
    builder.environment().keySet().removeIf(name -> name.startsWith(EnvironmentDefaults.PREFIX));
    builder.environment().remove("JDK_JAVA_OPTIONS");
    builder.environment().putAll(environment);
    builder.environment().put("PATH", DeployFiles.pathWithThisJdkFirst());
    return builder;
  }

  /** The FLEET_* variables compose sets for a service, interpolated with compose's defaults. */
  private Map<String, String> composeEnvironment(String service) {
    Map<String, String> environment = new HashMap<>();
    compose
        .path("services")
        .path(service)
        .path("environment")
        .fields()
        .forEachRemaining(
            variable -> {
              if (variable.getKey().startsWith(EnvironmentDefaults.PREFIX)) {
                environment.put(variable.getKey(), interpolate(variable.getValue().asText()));
              }
            });
    return environment;
  }

  private static String interpolate(String value) {
    Matcher reference = INTERPOLATION.matcher(value);
    StringBuilder result = new StringBuilder();
    while (reference.find()) {
      String replacement = "-".equals(reference.group(2)) ? reference.group(3) : "set-by-the-test";
      reference.appendReplacement(result, Matcher.quoteReplacement(replacement));
    }
    return reference.appendTail(result).toString();
  }

  /**
   * A service's exec-form entrypoint as a local command, with what the image holds replaced by what
   * this checkout has: this JDK's {@code java} and the jar the package phase wrote, or the command
   * line's launcher, told in {@code environment} of that jar as the image's FLEET_JAR tells it.
   */
  private List<String> entrypointCommand(String service, Map<String, String> environment) {
    List<String> entrypoint = new ArrayList<>();
    compose
        .path("services")
        .path(service)
        .path("entrypoint")
        .forEach(word -> entrypoint.add(word.asText()));
    if (entrypoint.equals(List.of(DeployFiles.launcherInImage()))) {
      environment.put("FLEET_JAR", built(DeployFiles.imageEnvironment("FLEET_JAR")).toString());
      return new ArrayList<>(
          List.of(DeployFiles.repositoryRoot().resolve(DeployFiles.LAUNCHER).toString()));
    }
    assertThat(entrypoint).as("%s entrypoint", service).first().isEqualTo("java");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String word : entrypoint.subList(1, entrypoint.size() - 1)) {
      if (word.startsWith("@")) {
        command.addAll(DeployFiles.argumentFileInImage(word.substring(1)));
      } else {
        command.add(word);
      }
    }
    command.add(built(entrypoint.get(entrypoint.size() - 1)).toString());
    return command;
  }

  /** The file the package phase wrote for what the image holds at {@code pathInImage}. */
  private static Path built(String pathInImage) {
    String jar = DeployFiles.jarsInImage().get(pathInImage);
    assertThat(jar).as("%s, copied from the build stage", pathInImage).isNotNull();
    Path built = DeployFiles.repositoryRoot().resolve(jar);
    assertThat(built).as("%s, built by the package phase", jar).isRegularFile();
    return built;
  }

  private void awaitHealthy(int port, Process process) {
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptionsInstanceOf(IOException.class)
        .failFast("process exited", () -> !process.isAlive())
        .until(() -> get(port, "/health").statusCode() == 200);
  }

  private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String log(String service) {
    try {
      return Files.readString(work.resolve(service + ".log"));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private record Result(int exitCode, String out, String err) {}
}
