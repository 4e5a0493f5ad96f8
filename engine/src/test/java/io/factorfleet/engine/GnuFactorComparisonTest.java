package io.factorfleet.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Compares the engine with GNU coreutils {@code factor}, when it is on the PATH. */
class GnuFactorComparisonTest {

  private final Factorizer factorizer = new Factorizer(Factorizer.DEFAULT_BUDGET);

  @BeforeAll
  static void requireGnuFactor() {
    assumeTrue(gnuFactorOnPath(), "GNU factor is not on the PATH");
  }

  @Test
  void shouldMatchGnuFactorOnNumbersOfEverySizeClass() throws Exception {
    TestNumbers numbers = TestNumbers.seeded(8000);
    List<BigInteger> inputs = new ArrayList<>();
    for (int n = 0; n <= 1000; n++) {
      inputs.add(BigInteger.valueOf(n));
    }
    for (int bits = 2; bits <= 64; bits++) {
      inputs.addAll(numbers.randomIntegers(200, bits));
    }
    for (int bits = 65; bits <= 128; bits += 3) {
      inputs.addAll(numbers.randomIntegers(3, bits));
    }
    for (int bits = 130; bits <= 332; bits += 11) {
      inputs.add(numbers.aSmoothTimesPrime(bits, 36));
    }
    for (int bits = 10; bits <= 32; bits++) {
      inputs.add(numbers.aSemiprime(bits));
    }
    // 2^122 - 1 and 2^128 + 1 are left out: GNU factor needs minutes for their ~60-bit factors
    for (int k = 2; k <= 128; k++) {
      if (k != 122) {
        inputs.add(BigInteger.ONE.shiftLeft(k).subtract(BigInteger.ONE));
      }
      inputs.add(BigInteger.ONE.shiftLeft(k - 1).add(BigInteger.ONE));
    }

    assertMatchesGnuFactor(inputs);
  }

  private void assertMatchesGnuFactor(List<BigInteger> inputs) throws Exception {
    // GNU factor 9.1 prints numbers of 2^127 and above through a separate buffer, so their lines
    // can come out of input order: match lines by the number they start with.
    Map<String, String> expected = new HashMap<>();
    for (String line : gnuFactor(inputs)) {
      expected.put(line.substring(0, line.indexOf(':')), line);
    }
    for (BigInteger n : inputs) {
      assertThat(gnuFormat(factorizer.factor(n))).isEqualTo(expected.get(n.toString()));
    }
  }

  private static String gnuFormat(Factorization factorization) {
    return factorization.number()
        + ":"
        + factorization.primes().stream().map(p -> " " + p).collect(Collectors.joining());
  }

  private static List<String> gnuFactor(List<BigInteger> inputs) throws Exception {
    Path input = Files.createTempFile("factor-input", ".txt");
    Path output = Files.createTempFile("factor-output", ".txt");
    try {
      Files.write(input, inputs.stream().map(BigInteger::toString).toList());
      Process process =
          new ProcessBuilder("factor")
              .redirectInput(input.toFile())
              .redirectOutput(output.toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("GNU factor finished").isTrue();
      return Files.readAllLines(output, StandardCharsets.US_ASCII);
    } finally {
      Files.deleteIfExists(input);
      Files.deleteIfExists(output);
    }
  }

  private static boolean gnuFactorOnPath() {
    try {
      Process process = new ProcessBuilder("factor", "12").start();
      try (Writer ignored = new OutputStreamWriter(process.getOutputStream())) {
        return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
      }
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
