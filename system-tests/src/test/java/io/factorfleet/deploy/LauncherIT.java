package io.factorfleet.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.factorfleet.testing.GnuFactor;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/fleet}, the launcher of the command line outside Docker, run as a user runs it. */
class LauncherIT {
  @TempDir Path work;

  @Test
  void shouldRunTheBuiltCommandLineWithItsArguments() throws Exception {
    List<String> numbers = List.of("12", "18446744073709551617", "1000000007");

    Run run = launch(Map.of(), "factor", "--local", numbers.get(0), numbers.get(1), numbers.get(2));

    assertThat(run.status()).isZero();
    assertThat(run.err()).isEmpty();
    if (GnuFactor.isInstalled()) {
      assertThat(run.out()).isEqualTo(GnuFactor.output(numbers));
    } else {
      assertThat(run.out()).startsWith("12: 2 2 3\n");
    }
  }

  @Test
  void shouldPassOnTheExitStatusOfTheCommandLine() throws Exception {
    Run run = launch(Map.of(), "factor", "--local", "12", "twelve");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out()).isEqualTo("12: 2 2 3\n");
    assertThat(run.err()).contains("'twelve' is not a valid positive integer");
  }

  @Test
  void shouldTakeOtherJvmOptionsFromFleetJavaOpts() throws Exception {
    Run run = launch(Map.of("FLEET_JAVA_OPTS", "-XX:+UseG1GC -Xlog:gc:stderr"), "--version");

    assertThat(run.status()).isZero();
    assertThat(run.err()).contains("Using G1");
  }

  @Test
  void shouldKeepTheOptimizingCompilerForCommandsThatFactorInThisProcessOnly() throws Exception {
    assertThat(tieredStopAtLevel(Map.of(), "factor", "--help")).isEqualTo(1);
    assertThat(tieredStopAtLevel(Map.of(), "status", "--help")).isEqualTo(1);
    assertThat(tieredStopAtLevel(Map.of(), "factor", "--local=false", "--help")).isEqualTo(1);
    assertThat(tieredStopAtLevel(Map.of(), "factor", "--help", "--", "--local")).isEqualTo(1);
    assertThat(tieredStopAtLevel(Map.of(), "factor", "--local", "--help")).isEqualTo(4);
    assertThat(tieredStopAtLevel(Map.of(), "factor", "--help", "--local=true")).isEqualTo(4);
    assertThat(tieredStopAtLevel(Map.of("FLEET_LOCAL", "true"), "factor", "--help")).isEqualTo(4);
  }

  @Test
  void shouldStartTheJvmFromTheClassDataArchiveTheBuildWritesBesideTheJar() throws Exception {
    Path archive = DeployFiles.repositoryRoot().resolve("producer/target/fleet.jsa");
    assertThat(archive).as("written by the build").isNotEmptyFile();

    // -Xshare:on: the JVM refuses to start unless it can map the archive it is given
    Run run = launch(Map.of("JDK_JAVA_OPTIONS", "-Xshare:on -XX:+PrintFlagsFinal"), "--version");

    assertThat(run.status()).as(run.err()).isZero();
    Matcher flag = Pattern.compile("\\bSharedArchiveFile += +([^ {]*) *\\{").matcher(run.out());
    assertThat(flag.find()).as("SharedArchiveFile among the flags printed").isTrue();
    assertThat(flag.group(1)).as("the archive the JVM was given").isNotEmpty();
    assertThat(Path.of(flag.group(1)).toRealPath()).isEqualTo(archive.toRealPath());
  }

  @Test
  void shouldFactorWithoutTheArchiveWhenTheArchiveIsUnusable() throws Exception {
    Path jar = work.resolve("fleet.jar");
    Files.copy(DeployFiles.repositoryRoot().resolve("producer/target/fleet.jar"), jar);
    Files.writeString(work.resolve("fleet.jsa"), "not a class-data archive");

    Run run = launch(Map.of("FLEET_JAR", jar.toString()), "factor", "--local", "12");

    assertThat(run.status()).isZero();
    assertThat(run.out()).isEqualTo("12: 2 2 3\n");
  }

  @Test
  void shouldWriteTheJvmsWarningsToStandardErrorAndNotAmongTheResults() throws Exception {
    // On a machine without huge pages configured, as here, the JVM warns that it cannot use them;
    // by default it writes such warnings to standard output.
    Run run = launch(Map.of("JDK_JAVA_OPTIONS", "-XX:+UseLargePages"), "factor", "--local", "12");

    assertThat(run.status()).isZero();
    assertThat(run.out()).isEqualTo("12: 2 2 3\n");
  }

  @Test
  void shouldKeepTheJvmLogsAskedForInAFile() throws Exception {
    Path log = work.resolve("gc.log");

    Run run = launch(Map.of("JDK_JAVA_OPTIONS", "-Xlog:gc:file=" + log), "--version");

    assertThat(run.status()).isZero();
    assertThat(log).content().contains("Using Serial");
  }

  @Test
  void shouldSayWhereItLookedWhenTheJarIsMissing() throws Exception {
    Path missing = work.resolve("fleet.jar");

    Run run = launch(Map.of("FLEET_JAR", missing.toString()), "--version");

    assertThat(run.status()).isEqualTo(127);
    assertThat(run.err()).contains(missing.toString()).contains("./mvnw -DskipTests package");
  }

  @Test
  void shouldBuildTheJarOnFirstUseInACheckoutAndKeepTheBuildOffStandardOutput() throws Exception {
    Path launcher =
        checkoutWithWrapper(
            """
        mkdir -p producer/target
        cp "$BUILT_JAR" producer/target/fleet.jar
        echo "wrapper output"
        """);

    Run run =
        launch(launcher, Map.of("BUILT_JAR", builtJar().toString()), "factor", "--local", "12");

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("12: 2 2 3\n");
    assertThat(run.err()).contains("building the command line on first use", "wrapper output");
  }

  @Test
  void shouldStopWithTheBuildsOutputWhenTheFirstUseBuildFails() throws Exception {
    Path launcher =
        checkoutWithWrapper(
            """
        echo "[ERROR] compilation failed" >&2
        exit 1
        """);

    Run run = launch(launcher, Map.of(), "--version");

    assertThat(run.status()).isEqualTo(127);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("[ERROR] compilation failed", "the build failed");
  }

  /** A checkout without a built jar: the launcher in bin/ and a Maven wrapper running SCRIPT. */
  private Path checkoutWithWrapper(String script) throws IOException {
    Path checkout = work.resolve("checkout");
    Path launcher = checkout.resolve(DeployFiles.LAUNCHER);
    Files.createDirectories(launcher.getParent());
    Files.copy(DeployFiles.repositoryRoot().resolve(DeployFiles.LAUNCHER), launcher);
    Path wrapper = checkout.resolve("mvnw");
    Files.writeString(wrapper, "#!/bin/sh\nset -e\n" + script);
    assertThat(wrapper.toFile().setExecutable(true)).isTrue();
    return launcher;
  }

  private static Path builtJar() {
    return DeployFiles.repositoryRoot().resolve("producer/target/fleet.jar");
  }

  /** The highest JIT tier of the JVM the launcher starts for these arguments. */
  private int tieredStopAtLevel(Map<String, String> environment, String... args)
      throws IOException, InterruptedException {
    Map<String, String> printingFlags = new HashMap<>(environment);
    printingFlags.put("JDK_JAVA_OPTIONS", "-XX:+PrintFlagsFinal");
    Run run = launch(printingFlags, args);
    Matcher flag = Pattern.compile("\\bTieredStopAtLevel\\s+=\\s+(\\d)").matcher(run.out());
    assertThat(flag.find()).as("TieredStopAtLevel among the flags printed").isTrue();
    return Integer.parseInt(flag.group(1));
  }

  private Run launch(Map<String, String> environment, String... args)
      throws IOException, InterruptedException {
    return launch(DeployFiles.repositoryRoot().resolve(DeployFiles.LAUNCHER), environment, args);
  }

  private Run launch(Path launcher, Map<String, String> environment, String... args)
      throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "a POSIX shell runs the launcher");
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(args));
    Path out = work.resolve("out");
    Path err = work.resolve("err");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectInput(Redirect.from(Path.of("/dev/null").toFile()))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().remove("FLEET_JAR");
    builder.environment().remove("FLEET_JAVA_OPTS");
    builder.environment().remove("FLEET_LOCAL");
    builder.environment().remove("JDK_JAVA_OPTIONS");
    builder.environment().putAll(environment);
    builder.environment().put("PATH", DeployFiles.pathWithThisJdkFirst());
    Process process = builder.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("launcher finished").isTrue();
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private record Run(int status, String out, String err) {}
}
