package io.factorfleet.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.factorfleet.broker.BrokerUnavailableException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The options every service shares, on a service of its own default port. */
class ServiceOptionsTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void shouldShowTheServicesOwnDefaultPortInHelp() {
    int code = commandLine(new Service(), Map.of()).execute("--help");

    assertThat(code).isZero();
    assertThat(out.toString().replaceAll("\\s+", " "))
        .contains("0 turns the server off (env FLEET_METRICS_PORT, default: 9499).");
  }

  @Test
  void shouldTakeThePortFromTheEnvironment() {
    Service service = new Service();
    commandLine(service, Map.of("FLEET_METRICS_PORT", "9123")).parseArgs();

    assertThat(service.options.metricsPort()).isEqualTo(9123);
  }

  @Test
  void shouldRefuseAPortAbove65535AsABadCommandLine() {
    int code = commandLine(new Service(), Map.of()).execute("--metrics-port=65536");

    assertThat(code).isEqualTo(CommandLines.USAGE_ERROR);
    assertThat(err.toString())
        .startsWith("test-service: metrics port must be 0 to 65535, got 65536");
  }

  @Test
  void shouldExitWithTheStatusAndOneLineNamingTheService() {
    Service service = new Service();
    service.failure = new BrokerUnavailableException("cannot connect to RabbitMQ at here", null);

    int code = commandLine(service, Map.of()).execute("--metrics-port=0");

    assertThat(code).isEqualTo(ServiceOptions.BROKER_UNAVAILABLE);
    assertThat(err.toString()).isEqualTo("test-service: cannot connect to RabbitMQ at here\n");
  }

  @Test
  void shouldReturnOnceAStopIsRequested() {
    Service service = new Service();
    service.options.requestStop();

    int code = commandLine(service, Map.of()).execute("--metrics-port=0");

    assertThat(code).isZero();
    assertThat(service.options.isStopRequested()).isTrue();
  }

  private CommandLine commandLine(Object command, Map<String, String> environment) {
    return CommandLines.create(
        command, environment, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Command(name = "test-service", mixinStandardHelpOptions = true)
  static final class Service implements Callable<Integer> {
    @Mixin ServiceOptions options = new ServiceOptions(9499);

    BrokerUnavailableException failure;

    @Override
    public Integer call() throws Exception {
      options.metricsPort();
      if (failure != null) {
        return options.exit(ServiceOptions.BROKER_UNAVAILABLE, failure);
      }
      options.awaitStop();
      return 0;
    }
  }
}
