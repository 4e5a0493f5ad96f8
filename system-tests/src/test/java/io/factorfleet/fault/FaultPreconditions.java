package io.factorfleet.fault;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.factorfleet.testing.GnuFactor;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the fault tests need from the machine: a RabbitMQ installation to run nodes of, and GNU
 * factor.
 */
final class FaultPreconditions {
  private FaultPreconditions() {}

  static void assumeToolsInstalled() {
    assumeTrue(
        onPath("rabbitmq-server") && onPath("rabbitmqctl"),
        "rabbitmq-server and rabbitmqctl must be installed to start private RabbitMQ nodes");
    assumeTrue(GnuFactor.isInstalled(), "GNU factor must be installed as the oracle");
  }

  private static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
