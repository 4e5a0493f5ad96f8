package io.factorfleet.coreutils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.factorfleet.cli.FleetRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** coreutils' own {@code factor} tests ({@code tests/factor/factor.pl}) against {@code --local}. */
class FactorTableTest {
  static List<FactorCase> cases() {
    return FactorCase.all();
  }

  @ParameterizedTest(name = "factor.pl {0}")
  @MethodSource("cases")
  void shouldPassCoreutilsFactorTest(FactorCase test) {
    assumeTrue(test.skipReason().isEmpty(), () -> test.skipReason().orElseThrow());
    List<String> args = new ArrayList<>(List.of("factor", "--local"));
    args.addAll(test.arguments());

    FleetRun run = FleetRun.of(Map.of(), test.stdin(), args.toArray(String[]::new));

    assertThat(run.out()).as("stdout of %s", test).isEqualTo(test.stdout());
    assertThat(run.err()).as("stderr of %s", test).isEqualTo(test.stderrOf("fleet"));
    assertThat(run.exitCode()).as("exit status of %s", test).isEqualTo(test.exitStatus());
  }

  @Test
  void shouldHoldEveryTestOfFactorPl() {
    assertThat(FactorCase.all())
        .extracting(FactorCase::name)
        .hasSize(53)
        .startsWith("1", "1a", "1b")
        .contains("z", "cont", "h-1", "h-2", "nul1", "nul2", "nul3", "nul4")
        .endsWith("nul5")
        .doesNotHaveDuplicates();
  }
}
