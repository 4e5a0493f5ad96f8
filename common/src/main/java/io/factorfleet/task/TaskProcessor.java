package io.factorfleet.task;

import io.factorfleet.engine.Factorization;
import io.factorfleet.engine.Factorizer;
import io.factorfleet.text.InvalidNumberException;
import io.factorfleet.text.NumberParser;
import io.factorfleet.wire.NumberResult;
import io.factorfleet.wire.ResultMessage;
import io.factorfleet.wire.TaskMessage;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a task into its result with the factoring engine; no transport here. A number that is not
 * valid gets an error entry naming it, and the rest of the task is answered as usual.
 */
public final class TaskProcessor {
  private static final BigInteger MAX_UNSIGNED_LONG = BigInteger.ONE.shiftLeft(64);

  private final Factorizer factorizer;
  private final NumberParser parser;
  private final String workerId;

  public TaskProcessor(Factorizer factorizer, NumberParser parser, String workerId) {
    this.factorizer = factorizer;
    this.parser = parser;
    this.workerId = workerId;
  }

  public ResultMessage process(TaskMessage task) {
    long started = System.nanoTime();
    long[] scratch = new long[64];
    List<NumberResult> results = new ArrayList<>(task.numbers().size());
    for (String text : task.numbers()) {
      results.add(factorOne(text, scratch));
    }
    return ResultMessage.of(
        task.job(), task.task(), workerId, System.nanoTime() - started, results);
  }

  private NumberResult factorOne(String text, long[] scratch) {
    BigInteger n;
    try {
      n = parser.parse(text);
    } catch (InvalidNumberException e) {
      return NumberResult.refused(text, e.getMessage());
    }
    String canonical = n.toString();
    if (n.compareTo(MAX_UNSIGNED_LONG) < 0) {
      int count = factorizer.factor(n.longValue(), scratch);
      List<String> factors = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        factors.add(Long.toUnsignedString(scratch[i]));
      }
      return NumberResult.complete(canonical, factors);
    }
    Factorization f = factorizer.factor(n);
    List<String> factors = f.primes().stream().map(BigInteger::toString).toList();
    return f.isComplete()
        ? NumberResult.complete(canonical, factors)
        : NumberResult.partial(canonical, factors, f.cofactor().toString());
  }
}
