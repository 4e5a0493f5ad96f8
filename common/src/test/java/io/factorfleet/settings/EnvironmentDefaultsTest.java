package io.factorfleet.settings;

import static io.factorfleet.testing.CommandLineAssertions.assertEveryOptionStatesItsVariableAndDefault;
import static org.assertj.core.api.Assertions.assertThat;

import io.factorfleet.topology.Topology;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class EnvironmentDefaultsTest {
  @Command(name = "probe", mixinStandardHelpOptions = true)
  static final class Probe implements Callable<Integer> {
    @Mixin BrokerOptions broker;

    @Override
    public Integer call() {
      return 0;
    }
  }

  @Test
  void shouldMapEachLongOptionToOneVariable() {
    assertThat(EnvironmentDefaults.variableFor("--amqp-uri")).isEqualTo("FLEET_AMQP_URI");
    assertThat(EnvironmentDefaults.variableFor("--prefetch-per-thread"))
        .isEqualTo("FLEET_PREFETCH_PER_THREAD");
  }

  @Test
  void shouldTakeDefaultsFromTheEnvironmentAndLetFlagsWin() {
    Probe fromEnv = parse(Map.of("FLEET_TASK_QUEUE", "env.tasks"));
    assertThat(fromEnv.broker.topology().taskQueue()).isEqualTo("env.tasks");

    Probe fromFlag = parse(Map.of("FLEET_TASK_QUEUE", "env.tasks"), "--task-queue", "flag.tasks");
    assertThat(fromFlag.broker.topology().taskQueue()).isEqualTo("flag.tasks");

    Probe plain = parse(Map.of());
    assertThat(plain.broker.topology()).isEqualTo(Topology.defaults());
  }

  @Test
  void shouldStateEveryOptionsVariableAndDefaultInHelp() {
    StringWriter out = new StringWriter();
    CommandLine line =
        CommandLines.create(new Probe(), Map.of(), new PrintWriter(out), new PrintWriter(out));
    assertEveryOptionStatesItsVariableAndDefault(line);
    line.execute("--help");
    assertThat(out.toString()).contains("FLEET_TASK_QUEUE", "fleet.tasks");
  }

  private static Probe parse(Map<String, String> env, String... args) {
    Probe probe = new Probe();
    CommandLines.create(
            probe, env, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
        .parseArgs(args);
    return probe;
  }
}
