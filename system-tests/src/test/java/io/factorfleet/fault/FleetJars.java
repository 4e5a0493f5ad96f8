package io.factorfleet.fault;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the programs the build packaged are: the repository is found from the working directory.
 */
final class FleetJars {
  private FleetJars() {}

  static Path worker() {
    return jar("worker/target/fleet-worker.jar");
  }

  static Path aggregator() {
    return jar("aggregator/target/fleet-aggregator.jar");
  }

  static Path fleet() {
    return jar("producer/target/fleet.jar");
  }

  static Path java() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  /** The repository's root: the nearest directory upwards holding the Maven wrapper and modules. */
  static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.exists(d.resolve("mvnw")) && Files.isDirectory(d.resolve("worker"))) {
        return d;
      }
    }
    throw new IllegalStateException("no Factor Fleet repository above " + dir);
  }

  private static Path jar(String relative) {
    Path jar = repositoryRoot().resolve(relative);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing; run ./mvnw package first");
    }
    return jar;
  }
}
