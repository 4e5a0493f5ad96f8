package io.factorfleet.bench;

import io.factorfleet.wire.WireCodec;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The cost of the wire format per number: runs {@link WireCodecBenchmark} and prints its scores
 * divided by the numbers per message, next to the encoded bytes per number.
 *
 * <pre>
 * java -cp bench/jmh/target/benchmarks.jar io.factorfleet.bench.WireCostReport \
 *     -f 1 -wi 3 -i 5 -w 1s -r 1s
 * </pre>
 *
 * <p>Arguments are JMH's own; {@code --sizes} alone prints the bytes per number and runs nothing.
 */
public final class WireCostReport {
  private static final List<String> SHAPES = List.of("random9digit", "semiprime31x31");
  private static final List<Integer> COUNTS = List.of(1, 100, 1000);
  private static final List<String> OPERATIONS =
      List.of("encodeTask", "decodeTask", "encodeResult", "decodeResult");

  private WireCostReport() {}

  public static void main(String[] args) throws RunnerException, CommandLineOptionException {
    PrintStream out = System.out;
    printSizes(out);
    if (Arrays.asList(args).contains("--sizes")) {
      return;
    }
    Collection<RunResult> runs =
        new Runner(
                new OptionsBuilder()
                    .parent(new CommandLineOptions(args))
                    .include(WireCodecBenchmark.class.getName())
                    .build())
            .run();
    printTimes(out, runs);
  }

  private static void printSizes(PrintStream out) {
    WireCodec codec = new WireCodec();
    out.println("bytes per number (encoded message size / numbers in it)");
    out.printf("%-15s %6s %12s %12s%n", "shape", "N", "task B/num", "result B/num");
    for (String shape : SHAPES) {
      for (int count : COUNTS) {
        WireMessages messages = WireMessages.of(shape, count);
        out.printf(
            "%-15s %6d %12.1f %12.1f%n",
            shape,
            count,
            codec.encode(messages.task()).length / (double) count,
            codec.encode(messages.result()).length / (double) count);
      }
    }
    out.println();
  }

  private static void printTimes(PrintStream out, Collection<RunResult> runs) {
    Map<String, Result<?>> scores = new HashMap<>();
    for (RunResult run : runs) {
      String benchmark = run.getParams().getBenchmark();
      String operation = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      scores.put(
          key(run.getParams().getParam("shape"), run.getParams().getParam("numbers"), operation),
          run.getPrimaryResult());
    }
    out.println();
    out.println("ns per number (average time per message / numbers in it, ± JMH's 99.9% error)");
    out.printf("%-15s %6s", "shape", "N");
    for (String operation : OPERATIONS) {
      out.printf(" %20s", operation);
    }
    out.println();
    for (String shape : SHAPES) {
      for (int count : COUNTS) {
        out.printf("%-15s %6d", shape, count);
        for (String operation : OPERATIONS) {
          Result<?> score = scores.get(key(shape, String.valueOf(count), operation));
          out.printf(" %20s", score == null ? "-" : perNumber(score, count));
        }
        out.println();
      }
    }
  }

  private static String perNumber(Result<?> score, int count) {
    double error = score.getScoreError() / count;
    return String.format(
        "%.1f ± %s", score.getScore() / count, Double.isNaN(error) ? "?" : "%.1f".formatted(error));
  }

  private static String key(String shape, String count, String operation) {
    return shape + "/" + count + "/" + operation;
  }
}
