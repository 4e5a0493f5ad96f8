package io.factorfleet.settings;

import java.time.Duration;
import picocli.CommandLine.Option;

/** How patient a service is with a broker that is not up yet, as under compose or Kubernetes. */
public final class ConnectOptions {
  @Option(
      names = "--connect-patience",
      paramLabel = "DURATION",
      defaultValue = "PT60S",
      description =
          "At start, how long to wait for the broker to answer"
              + " (env FLEET_CONNECT_PATIENCE, default: ${DEFAULT-VALUE}).")
  Duration connectPatience;

  public Duration connectPatience() {
    return connectPatience;
  }
}
