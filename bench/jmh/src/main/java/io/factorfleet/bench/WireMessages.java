package io.factorfleet.bench;

import io.factorfleet.engine.Factorizer;
import io.factorfleet.text.UnsignedDecimals;
import io.factorfleet.wire.NumberResult;
import io.factorfleet.wire.ResultMessage;
import io.factorfleet.wire.TaskMessage;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A task of {@code count} numbers of one shape and the result a worker sends for it, with the real
 * factorizations, as the producer and the workers build them. The same arguments always give the
 * same messages.
 */
record WireMessages(TaskMessage task, ResultMessage result) {
  /** A job id as the CLI makes them: a random UUID. */
  static final String JOB = "3f2b8c1e-9d4a-4e7b-b5c6-0a1d2e3f4a5b";

  /** A worker id as a worker makes it by default: host name and process id. */
  static final String WORKER = "fleet-worker-7c9d5b6f4-x2k8q-1";

  /** A task index well into a long job. */
  static final long TASK = 123_456;

  /** About what a worker reports for a task of 9-digit numbers. */
  private static final long NANOS_PER_NUMBER = 1_500;

  static WireMessages of(String shape, int count) {
    Random random = new Random(20_24);
    Factorizer factorizer = new Factorizer(Factorizer.DEFAULT_BUDGET);
    long[] factors = new long[64];
    List<String> numbers = new ArrayList<>(count);
    List<NumberResult> results = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long n = number(shape, random);
      String text = Long.toString(n);
      int found = factorizer.factor(n, factors);
      numbers.add(text);
      // as the worker makes them: the factors kept as unsigned longs
      results.add(NumberResult.complete(text, UnsignedDecimals.of(factors, found)));
    }
    return new WireMessages(
        TaskMessage.of(JOB, TASK, numbers),
        ResultMessage.of(JOB, TASK, WORKER, NANOS_PER_NUMBER * count, results));
  }

  private static long number(String shape, Random random) {
    return switch (shape) {
      case "random9digit" -> 100_000_000 + random.nextInt(900_000_000);
      case "semiprime31x31" ->
          BigInteger.probablePrime(31, random)
              .multiply(BigInteger.probablePrime(31, random))
              .longValue();
      default -> throw new IllegalArgumentException("unknown shape " + shape);
    };
  }
}
