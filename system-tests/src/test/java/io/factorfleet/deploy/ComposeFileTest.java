package io.factorfleet.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.factorfleet.aggregator.service.AggregatorCommand;
import io.factorfleet.aggregator.service.AggregatorMain;
import io.factorfleet.cli.FleetCommand;
import io.factorfleet.cli.FleetMain;
import io.factorfleet.deploy.DeployFiles.ShadedJar;
import io.factorfleet.settings.EnvironmentDefaults;
import io.factorfleet.worker.WorkerCommand;
import io.factorfleet.worker.WorkerMain;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class ComposeFileTest {
  private static final String BROKER = "rabbitmq";
  private static final String CREDENTIALS = "credentials";
  private static final String SECRETS_VOLUME = "fleet-secrets";
  private static final String CREDENTIALS_SCRIPT = "deploy/compose/broker-credentials.sh";
  private static final String PASSWORD_FILE =
      EnvironmentDefaults.variableFor("--amqp-password-file");

  /** The top-level keys that both Compose v1 (1.29) and v2 accept. */
  private static final Set<String> TOP_LEVEL = Set.of("services", "volumes", "networks");

  private static final String AMQP_URI = EnvironmentDefaults.variableFor("--amqp-uri");
  private static final String DRAIN_TIMEOUT = EnvironmentDefaults.variableFor("--drain-timeout");
  private static final String DATA_DIR = EnvironmentDefaults.variableFor("--data-dir");
  private static final String METRICS_PORT = EnvironmentDefaults.variableFor("--metrics-port");

  /** Read by the logging set-up (ConsoleLogging) rather than by an option. */
  private static final String LOG_LEVEL = "FLEET_LOG_LEVEL";

  /** Read by the logging set-up (ConsoleLogging) rather than by an option. */
  private static final String LOG_FORMAT = "FLEET_LOG_FORMAT";

  /** The command each program's main runs, by main class. */
  private static final Map<String, Supplier<Object>> COMMANDS =
      Map.of(
          FleetMain.class.getName(),
              () ->
                  new FleetCommand(InputStream.nullInputStream(), OutputStream.nullOutputStream()),
          WorkerMain.class.getName(), WorkerCommand::new,
          AggregatorMain.class.getName(), AggregatorCommand::new);

  private final JsonNode compose = DeployFiles.compose();

  @Test
  void shouldRunOneOfTheImagesJarsInEveryFleetService() {
    assertThat(fleetServices()).contains("worker", "aggregator", "producer");
    for (String service : fleetServices()) {
      assertThat(COMMANDS).as(service).containsKey(jarOf(service).mainClass());
    }
  }

  @Test
  void shouldSetOnlyVariablesThatTheServicesProgramReads() {
    for (String service : fleetServices()) {
      Set<String> read = variablesRead(COMMANDS.get(jarOf(service).mainClass()).get());

      assertThat(fleetVariables(service)).as(service).isNotEmpty().isSubsetOf(read);
    }
  }

  @Test
  void shouldGiveWorkersNeitherContainerNameNorPortsSoThatTheyScale() {
    JsonNode worker = service("worker");

    assertThat(worker.has("container_name")).as("container_name").isFalse();
    assertThat(worker.has("ports")).as("ports").isFalse();
  }

  @Test
  void shouldGiveAWorkerMoreTimeToStopThanItTakesToDrain() {
    JsonNode worker = service("worker");
    Duration drain = Duration.parse(worker.path("environment").path(DRAIN_TIMEOUT).asText());
    Duration grace = DeployFiles.composeDuration(worker.path("stop_grace_period").asText());

    assertThat(grace).isGreaterThan(drain);
  }

  @Test
  void shouldStartWhatUsesTheBrokerOnlyOnceTheBrokerIsHealthy() {
    assertThat(service(BROKER).path("healthcheck").path("test").toString()).contains("ping");
    for (String service : fleetServices()) {
      assertThat(service(service).path("depends_on").path(BROKER).path("condition").asText())
          .as(service)
          .isEqualTo("service_healthy");
    }
  }

  @Test
  void shouldConnectWithTheAccountTheCredentialsServiceMadeForTheBroker() {
    String user = environment(CREDENTIALS).path("RABBITMQ_USER").asText();
    String secrets = mountPoint(CREDENTIALS, SECRETS_VOLUME);
    String script = DeployFiles.read(CREDENTIALS_SCRIPT);

    assertThat(user).isEqualTo("${RABBITMQ_USER:-fleet}");
    assertThat(script)
        .contains("dir=" + secrets + "\n", "$dir/amqp-password", "$dir/rabbitmq.conf");
    assertThat(environment(BROKER).path("RABBITMQ_CONFIG_FILE").asText())
        .isEqualTo(mountPoint(BROKER, SECRETS_VOLUME) + "/rabbitmq.conf");
    for (String service : fleetServices()) {
      assertThat(environment(service).path(AMQP_URI).asText())
          .as(service)
          .isEqualTo("amqp://" + user + "@" + BROKER + ":5672/%2F");
      assertThat(environment(service).path(PASSWORD_FILE).asText())
          .as(service)
          .isEqualTo(mountPoint(service, SECRETS_VOLUME) + "/amqp-password");
    }
  }

  @Test
  void shouldStartEveryServiceWithoutASettingBeingRequiredFirst() {
    assertThat(DeployFiles.read(DeployFiles.COMPOSE_FILE)).doesNotContain(":?");
    assertThat(service(BROKER).path("depends_on").path(CREDENTIALS).path("condition").asText())
        .isEqualTo("service_completed_successfully");
  }

  @Test
  void shouldKeepThePasswordOutOfEveryServicesEnvironmentButTheOneThatMakesIt() {
    for (String service : names(compose.path("services"))) {
      if (!service.equals(CREDENTIALS)) {
        assertThat(scalars(service(service)))
            .as(service)
            .noneMatch(text -> text.contains("RABBITMQ_PASSWORD") || text.contains("DEFAULT_PASS"));
      }
    }
    assertThat(mountOptions(CREDENTIALS, SECRETS_VOLUME)).isEmpty();
    for (String service : names(compose.path("services"))) {
      if (!service.equals(CREDENTIALS) && mountPoint(service, SECRETS_VOLUME) != null) {
        assertThat(mountOptions(service, SECRETS_VOLUME)).as(service).isEqualTo("ro");
      }
    }
  }

  @Test
  void shouldTakeEveryHostPortFromTheEnvironmentWithTheUsualPortAsDefault() {
    for (String service : names(compose.path("services"))) {
      for (JsonNode port : service(service).path("ports")) {
        assertThat(port.asText())
            .as(service)
            .matches("127\\.0\\.0\\.1:\\$\\{[A-Z_]+_PORT:-(\\d+)}:(\\d+)")
            .satisfies(
                text -> {
                  String[] parts = text.split(":-|}:");
                  assertThat(parts[1]).isEqualTo(parts[2]);
                });
      }
    }
  }

  @Test
  void shouldLimitEachWorkersCpusAndMemorySoThatScalingDoesNotOversubscribeTheHost() {
    assertThat(service("worker").path("cpus").asText()).isEqualTo("${FLEET_WORKER_CPUS:-2}");
    assertThat(service("worker").path("mem_limit").asText())
        .isEqualTo("${FLEET_WORKER_MEMORY:-1g}");
  }

  @Test
  void shouldPinTheBrokerImageToAMinorVersion() {
    assertThat(service(BROKER).path("image").asText()).matches("rabbitmq:\\d+\\.\\d+-management");
  }

  @Test
  void shouldNameTheProjectTheWayComposeV1Accepts() {
    assertThat(names(compose)).allMatch(key -> key.startsWith("x-") || TOP_LEVEL.contains(key));
  }

  @Test
  void shouldNeverUseTheGuestAccount() {
    assertThat(scalars(compose)).noneMatch(text -> text.toLowerCase().contains("guest"));
    assertThat(DeployFiles.read(".env.example").toLowerCase()).doesNotContain("guest");
  }

  @Test
  void shouldPublishPortsOnTheLoopbackInterfaceOnly() {
    for (String service : names(compose.path("services"))) {
      for (JsonNode port : service(service).path("ports")) {
        assertThat(port.asText()).as(service).startsWith("127.0.0.1:");
      }
    }
  }

  @Test
  void shouldKeepResultsInANamedVolumeWhereTheAggregatorWritesThem() {
    String dataDir = environment("aggregator").path(DATA_DIR).asText();
    List<String> mounts = new ArrayList<>();
    service("aggregator").path("volumes").forEach(mount -> mounts.add(mount.asText()));

    assertThat(mounts)
        .anySatisfy(
            mount -> {
              String[] sourceAndTarget = mount.split(":");
              assertThat(compose.path("volumes").has(sourceAndTarget[0])).isTrue();
              assertThat(sourceAndTarget[1]).isEqualTo(dataDir);
            });
  }

  @Test
  void shouldKeepTheCommandLineOutOfComposeUp() {
    assertThat(service("producer").path("profiles")).isNotEmpty();
    assertThat(service("worker").has("profiles")).isFalse();
    assertThat(service("aggregator").has("profiles")).isFalse();
  }

  @Test
  void shouldCheckTheHealthOfTheServicesOnTheirMetricsPort() {
    for (String service : List.of("worker", "aggregator")) {
      assertThat(environment(service).path(METRICS_PORT).asInt()).as(service).isPositive();
      assertThat(service(service).path("healthcheck").path("test").toString())
          .as(service)
          .contains("/health", METRICS_PORT);
    }
  }

  @Test
  void shouldLetTheCommandLineFactorWithoutWaitingForTheAggregatorService() {
    assertThat(service("producer").path("depends_on").has("aggregator")).isFalse();
  }

  @Test
  void shouldLetTheCommandLineReachSubmittedResultsOnTheComposeNetworkOnly() {
    String port = environment("aggregator").path(METRICS_PORT).asText();
    assertThat(environment("producer").path("FLEET_RESULTS_URL").asText())
        .isEqualTo("http://aggregator:" + port);
    assertThat(service("aggregator").has("ports")).isFalse();
  }

  @Test
  void shouldStartMonitoringOnlyWhenItsProfileIsAskedFor() {
    for (String service : List.of("prometheus", "grafana")) {
      assertThat(service(service).path("profiles").toString()).as(service).contains("monitoring");
    }
  }

  /** Services running a Factor Fleet program: those that are told where the broker is. */
  private List<String> fleetServices() {
    return names(compose.path("services")).stream()
        .filter(name -> environment(name).has(AMQP_URI))
        .toList();
  }

  /**
   * The jar a service's exec-form entrypoint runs, as the build writes it: named after {@code
   * -jar}, or by the image's FLEET_JAR when the entrypoint is the command line's launcher.
   */
  private ShadedJar jarOf(String service) {
    List<String> entrypoint = new ArrayList<>();
    service(service).path("entrypoint").forEach(word -> entrypoint.add(word.asText()));
    String jarInImage;
    if (entrypoint.equals(List.of(DeployFiles.launcherInImage()))) {
      jarInImage = DeployFiles.imageEnvironment("FLEET_JAR");
    } else {
      assertThat(entrypoint).as("%s entrypoint", service).startsWith("java").hasSizeGreaterThan(2);
      assertThat(entrypoint.get(entrypoint.size() - 2))
          .as("%s entrypoint", service)
          .isEqualTo("-jar");
      jarInImage = entrypoint.get(entrypoint.size() - 1);
    }
    String built = DeployFiles.jarsInImage().get(jarInImage);
    return DeployFiles.shadedJars().values().stream()
        .filter(jar -> jar.path().equals(built))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    service + " runs " + jarInImage + ", a jar the build does not write"));
  }

  private Set<String> fleetVariables(String service) {
    return Set.copyOf(
        names(environment(service)).stream()
            .filter(name -> name.startsWith(EnvironmentDefaults.PREFIX))
            .toList());
  }

  /**
   * The variables a command and its subcommands read: one per long option, and the log level and
   * format.
   */
  private static Set<String> variablesRead(Object command) {
    Set<String> variables = new HashSet<>(Set.of(LOG_LEVEL, LOG_FORMAT));
    collectVariables(new CommandLine(command), variables);
    return variables;
  }

  private static void collectVariables(CommandLine line, Set<String> variables) {
    for (OptionSpec option : line.getCommandSpec().options()) {
      if (option.longestName().startsWith("--") && !option.usageHelp() && !option.versionHelp()) {
        variables.add(EnvironmentDefaults.variableFor(option.longestName()));
      }
    }
    line.getSubcommands().values().forEach(sub -> collectVariables(sub, variables));
  }

  /** Where a service mounts a volume, or null. */
  private String mountPoint(String service, String volume) {
    String[] mount = mountOf(service, volume);
    return mount == null ? null : mount[1];
  }

  private String mountOptions(String service, String volume) {
    String[] mount = mountOf(service, volume);
    return mount.length > 2 ? mount[2] : "";
  }

  private String[] mountOf(String service, String volume) {
    for (JsonNode mount : service(service).path("volumes")) {
      String[] parts = mount.asText().split(":");
      if (parts[0].equals(volume)) {
        return parts;
      }
    }
    return null;
  }

  private JsonNode service(String name) {
    JsonNode service = compose.path("services").path(name);
    assertThat(service.isObject()).as("service %s", name).isTrue();
    return service;
  }

  private JsonNode environment(String service) {
    return service(service).path("environment");
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> scalars(JsonNode node) {
    List<String> texts = new ArrayList<>();
    if (node.isContainerNode()) {
      node.fieldNames().forEachRemaining(texts::add);
      node.forEach(child -> texts.addAll(scalars(child)));
    } else {
      texts.add(node.asText());
    }
    return texts;
  }
}
