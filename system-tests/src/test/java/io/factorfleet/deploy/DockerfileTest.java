package io.factorfleet.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.factorfleet.deploy.DeployFiles.Instruction;
import io.factorfleet.deploy.DeployFiles.ShadedJar;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DockerfileTest {
  /** The argument file of the JVM options of the worker and the aggregator service. */
  private static final String SERVICE_JVM_OPTIONS = "/opt/fleet/service.jvm";

  @Test
  void shouldCopyIntoTheImageExactlyTheJarsTheShadePluginWrites() {
    List<String> shaded = DeployFiles.shadedJars().values().stream().map(ShadedJar::path).toList();

    assertThat(DeployFiles.jarsInImage().values()).containsExactlyInAnyOrderElementsOf(shaded);
  }

  @Test
  void shouldBuildJarsWhoseMainClassesExist() {
    for (ShadedJar jar : DeployFiles.shadedJars().values()) {
      assertThatCode(() -> Class.forName(jar.mainClass()))
          .as("main class of %s", jar.path())
          .doesNotThrowAnyException();
    }
  }

  @Test
  void shouldCopyEveryModulesPomIntoTheLayerThatResolvesTheDependencies() {
    List<String> modules =
        Pattern.compile("<module>([^<]+)</module>")
            .matcher(DeployFiles.read("pom.xml"))
            .results()
            .map(match -> match.group(1))
            .toList();
    List<String> copied =
        DeployFiles.dockerfile().stream()
            .filter(instruction -> instruction.is("COPY"))
            .map(Instruction::arguments)
            .toList();

    assertThat(modules).isNotEmpty();
    for (String module : modules) {
      assertThat(copied).as(module).contains(module + "/pom.xml " + module + "/");
    }
  }

  @Test
  void shouldBuildWithTheMavenWrapperAndWithoutTests() {
    List<String> builds =
        DeployFiles.dockerfile().stream()
            .filter(instruction -> instruction.is("RUN"))
            .map(Instruction::arguments)
            .filter(command -> command.contains("./mvnw"))
            .toList();

    assertThat(builds)
        .last()
        .asString()
        .contains("./mvnw -B", "-DskipTests", "-Dspotless.check.skip", " package");
    assertThat(builds)
        .as("no class-data archive from the build stage's JVM, nor from poms without sources")
        .allSatisfy(command -> assertThat(command).contains(" -Dexec.skip "));
  }

  @Test
  void shouldResolveDependenciesFromThePomsBeforeCopyingTheSources() {
    List<Instruction> instructions = DeployFiles.dockerfile();
    int firstPom = indexOf(instructions, "COPY", "pom.xml");
    int sources = indexOf(instructions, "COPY", ". .");
    int warmUp = indexOf(instructions, "RUN", "./mvnw");

    assertThat(firstPom).isNotNegative().isLessThan(warmUp);
    assertThat(warmUp).isLessThan(sources);
  }

  @Test
  void shouldRunAsAUserOtherThanRoot() {
    List<Instruction> users =
        DeployFiles.runtimeStage().stream().filter(instruction -> instruction.is("USER")).toList();

    assertThat(users).isNotEmpty();
    String user = users.get(users.size() - 1).arguments().split(":")[0];
    assertThat(user).isNotIn("root", "0");
  }

  @Test
  void shouldStartTheJvmAsProcessOneSoThatItReceivesStopSignals() {
    Instruction entrypoint = last(DeployFiles.runtimeStage(), "ENTRYPOINT");

    assertThat(entrypoint.execForm()).as("exec-form ENTRYPOINT").isNotNull();
    assertThat(entrypoint.execForm()).containsExactly(DeployFiles.launcherInImage());
    assertThat(DeployFiles.read(DeployFiles.LAUNCHER))
        .as("the launcher replaces itself with the JVM")
        .containsPattern("(?m)^exec java ");
  }

  @Test
  void shouldStartTheCommandLineByDefault() {
    String cli = DeployFiles.shadedJars().get("producer").path();

    assertThat(DeployFiles.jarsInImage().get(DeployFiles.imageEnvironment("FLEET_JAR")))
        .as("the jar the launcher runs")
        .isEqualTo(cli);
  }

  @Test
  void shouldDumpTheClassDataArchiveBesideTheCommandLineJarWithTheImagesOwnJvm() {
    String cli = DeployFiles.imageEnvironment("FLEET_JAR");
    String classList = DeployFiles.copiedIntoImage(DeployFiles.CLASS_LIST);

    assertThat(DeployFiles.runtimeStage())
        .filteredOn(instruction -> instruction.is("RUN"))
        .extracting(Instruction::arguments)
        .anySatisfy(
            command ->
                assertThat(command)
                    .contains(
                        "java ",
                        " -Xshare:dump ",
                        " -XX:SharedClassListFile=" + classList + " ",
                        " -XX:SharedArchiveFile=" + cli.replaceAll("\\.jar$", ".jsa") + " ",
                        " -cp " + cli));
  }

  @Test
  void shouldStartTheCommandLineThroughTheSameLauncherAsComposeDoes() {
    List<String> entrypoint = last(DeployFiles.runtimeStage(), "ENTRYPOINT").execForm();
    List<String> composed = new ArrayList<>();
    DeployFiles.compose()
        .path("services")
        .path("producer")
        .path("entrypoint")
        .forEach(word -> composed.add(word.asText()));

    assertThat(composed).isEqualTo(entrypoint);
  }

  @Test
  void shouldSizeTheServicesHeapFromTheContainerMemoryLimitAndExitWhenItRunsOut() {
    assertThat(DeployFiles.argumentFileInImage(SERVICE_JVM_OPTIONS))
        .anyMatch(option -> option.startsWith("-XX:MaxRAMPercentage="))
        .contains("-XX:+ExitOnOutOfMemoryError");
    for (String service : List.of("worker", "aggregator")) {
      assertThat(DeployFiles.compose().path("services").path(service).path("entrypoint").toString())
          .as(service)
          .contains("\"java\",\"@" + SERVICE_JVM_OPTIONS + "\"");
    }
  }

  @Test
  void shouldSetNoJvmOptionsInTheEnvironmentWhereEveryJvmWouldAnnounceThem() {
    List<String> env =
        DeployFiles.dockerfile().stream()
            .filter(instruction -> instruction.is("ENV"))
            .map(Instruction::arguments)
            .toList();

    assertThat(env)
        .noneMatch(arguments -> arguments.matches("(?s).*\\b(JAVA_TOOL|JDK_JAVA)_OPTIONS.*"));
    DeployFiles.compose()
        .path("services")
        .forEach(
            service ->
                assertThat(
                        service.path("environment").has("JAVA_TOOL_OPTIONS")
                            || service.path("environment").has("JDK_JAVA_OPTIONS"))
                    .isFalse());
  }

  @Test
  void shouldKeepBuildOutputHistoryAndResultsOutOfTheBuildContext() {
    List<String> ignored = List.of(DeployFiles.read(".dockerignore").split("\n"));

    assertThat(ignored).contains("**/target/", ".git/", "data/", ".env");
  }

  private static int indexOf(List<Instruction> instructions, String keyword, String text) {
    for (int i = 0; i < instructions.size(); i++) {
      if (instructions.get(i).is(keyword) && instructions.get(i).arguments().contains(text)) {
        return i;
      }
    }
    return -1;
  }

  private static Instruction last(List<Instruction> instructions, String keyword) {
    List<Instruction> matching =
        instructions.stream().filter(instruction -> instruction.is(keyword)).toList();
    assertThat(matching).as(keyword).isNotEmpty();
    return matching.get(matching.size() - 1);
  }
}
