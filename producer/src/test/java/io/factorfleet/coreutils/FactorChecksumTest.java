package io.factorfleet.coreutils;

import static org.assertj.core.api.Assertions.assertThat;

import io.factorfleet.cli.FleetRun;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The short checksum tests of coreutils' {@code tests/factor/create-test.sh} against {@code
 * --local}: {@code seq LO HI | fleet factor --local | sha1sum} gives coreutils' SHA-1.
 */
class FactorChecksumTest {
  /** Over the 121 digits of the longest number of the tests; coreutils has no limit. */
  static final String MAX_DIGITS = "--max-digits=200";

  static List<ChecksumRange> ranges() {
    return ChecksumRange.in("unit");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ranges")
  void shouldPrintWhatCoreutilsFactorPrintsForTheRange(ChecksumRange range) throws Exception {
    StringWriter err = new StringWriter();
    ChecksumRange.Sha1Sink out = new ChecksumRange.Sha1Sink();

    int status = FleetRun.execute(Map.of(), range.seq(), out, err, "factor", "--local", MAX_DIGITS);

    assertThat(err.toString()).isEmpty();
    assertThat(status).isZero();
    assertThat(out.hex()).isEqualTo(range.sha1());
  }

  @Test
  void shouldHoldEveryRangeOfCreateTestSh() {
    assertThat(ChecksumRange.all())
        .extracting(ChecksumRange::name)
        .hasSize(41)
        .startsWith("t00")
        .endsWith("t40")
        .doesNotHaveDuplicates();
    assertThat(ChecksumRange.all())
        .extracting(ChecksumRange::suite)
        .containsOnly("unit", "fleet", "long");
  }

  @Test
  void shouldMakeTheLinesOfSeqWithoutLeadingZerosAcrossACarry() throws Exception {
    assertThat(new String(new SeqInput("0098", "101").readAllBytes(), StandardCharsets.US_ASCII))
        .isEqualTo("98\n99\n100\n101\n");
    assertThat(new String(new SeqInput("0", "0").readAllBytes(), StandardCharsets.US_ASCII))
        .isEqualTo("0\n");
  }

  @Test
  void shouldPrintBareColonsForZeroAndOneAsSeqFromZeroGivesThem() {
    FleetRun run = FleetRun.of(Map.of(), "0\n1\n2\n", "factor", "--local");

    assertThat(run.out()).isEqualTo("0:\n1:\n2: 2\n");
  }

  @Test
  void shouldKeepTheSha1OfWhatIsWritten() throws Exception {
    ChecksumRange.Sha1Sink sink = new ChecksumRange.Sha1Sink();
    sink.write("abc".getBytes(StandardCharsets.US_ASCII));

    assertThat(sink.hex()).isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
  }

  /** coreutils' tests/factor/factor-parallel.sh: the odd numbers to 10^6 hold 78,497 primes. */
  @Test
  void shouldFindThePrimesFactorParallelShCounts() throws Exception {
    StringBuilder odd = new StringBuilder();
    for (int n = 1; n <= 1_000_000; n += 2) {
      odd.append(n).append('\n');
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    FleetRun.execute(
        Map.of(),
        new java.io.ByteArrayInputStream(odd.toString().getBytes(StandardCharsets.US_ASCII)),
        out,
        new StringWriter(),
        "factor",
        "--local");

    // factor-parallel.sh counts the lines with no space after the colon's space, so "1:" too
    long counted =
        out.toString(StandardCharsets.US_ASCII)
            .lines()
            .filter(line -> !line.replaceFirst(".*: ", "").contains(" "))
            .count();
    assertThat(counted).isEqualTo(78_498);
  }
}
