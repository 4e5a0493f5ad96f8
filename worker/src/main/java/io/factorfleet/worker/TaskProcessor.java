package io.factorfleet.worker;

import io.factorfleet.engine.FactorMethod;
import io.factorfleet.engine.Factorization;
import io.factorfleet.engine.Factorizer;
import io.factorfleet.text.InvalidNumberException;
import io.factorfleet.text.NumberParser;
import io.factorfleet.text.UnsignedDecimals;
import io.factorfleet.wire.NumberResult;
import io.factorfleet.wire.ResultMessage;
import io.factorfleet.wire.TaskMessage;
import io.factorfleet.wire.WireCodec;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Turns a task into its result with the factoring engine; no transport here. A number that is not
 * valid gets an error entry naming it, and the rest of the task is answered as usual.
 */
public final class TaskProcessor {
  private static final BigInteger MAX_UNSIGNED_LONG = BigInteger.ONE.shiftLeft(64);

  private final Factorizer factorizer;
  private final Duration numberBudget;
  private final Duration taskBudget;
  private final NumberParser parser;
  private final String workerId;

  /**
   * @param numberBudget time one number may take before its partial factorization is returned
   * @param taskBudget time a whole task may take; numbers left when it is spent are refused, so
   *     that a task is always answered well within the broker's acknowledgement timeout
   */
  public TaskProcessor(
      Duration numberBudget, Duration taskBudget, NumberParser parser, String workerId) {
    // One sieve thread per number: a worker's threads already factor as many tasks at once.
    this.factorizer = new Factorizer(numberBudget);
    this.numberBudget = numberBudget;
    this.taskBudget = taskBudget;
    this.parser = parser;
    this.workerId = workerId;
  }

  public ResultMessage process(TaskMessage task) {
    return process(task, () -> false).orElseThrow();
  }

  /**
   * The task's result, or nothing when {@code stop} says so before the task is done; it is asked
   * before each number.
   */
  public Optional<ResultMessage> process(TaskMessage task, BooleanSupplier stop) {
    long started = System.nanoTime();
    long deadline = started + taskBudget.toNanos();
    long[] scratch = new long[64];
    List<NumberResult> results = new ArrayList<>(task.numbers().size());
    for (String text : task.numbers()) {
      if (stop.getAsBoolean()) {
        return Optional.empty();
      }
      long left = deadline - System.nanoTime();
      if (left <= 0 || Thread.currentThread().isInterrupted()) {
        results.add(
            NumberResult.refused(
                text,
                "'"
                    + text
                    + "' was not factored: its task's time budget of "
                    + taskBudget
                    + " ran out"));
        continue;
      }
      Factorizer budgeted =
          left < numberBudget.toNanos() ? new Factorizer(Duration.ofNanos(left)) : factorizer;
      results.add(factorOne(budgeted, text, scratch));
    }
    // in the task's version, which its sender reads
    return Optional.of(
        new ResultMessage(
            task.version(),
            task.job(),
            task.task(),
            workerId,
            System.nanoTime() - started,
            results));
  }

  /**
   * The answer to a task that could not be read but names its job and task: one error entry saying
   * why. It is in the earliest version of the wire format, which every build reads, for the task's
   * version is unknown.
   */
  public ResultMessage unreadable(WireCodec.TaskId id, String reason) {
    String what = "task " + id.task() + " of job " + id.job();
    return new ResultMessage(
        WireCodec.FIRST_VERSION,
        id.job(),
        id.task(),
        workerId,
        0,
        List.of(NumberResult.refused("(" + what + ")", what + " could not be read: " + reason)));
  }

  private NumberResult factorOne(Factorizer factorizer, String text, long[] scratch) {
    long small = parser.parseSmall(text);
    if (small >= 0) { // below 2^63: the number stays a long, and no text of it is made
      return NumberResult.complete(small, factorLong(factorizer, small, scratch));
    }
    BigInteger n;
    try {
      n = parser.parse(text);
    } catch (InvalidNumberException e) {
      return NumberResult.refused(text, e.getMessage());
    }
    String canonical = n.toString();
    if (n.compareTo(MAX_UNSIGNED_LONG) < 0) {
      return NumberResult.complete(canonical, factorLong(factorizer, n.longValue(), scratch));
    }
    Factorization f = factorizer.factor(n);
    List<String> factors = f.primes().stream().map(BigInteger::toString).toList();
    // Only this path knows the methods: the one below 2^64 is allocation-free and records none.
    List<String> methods = f.methods().stream().map(FactorMethod::label).toList();
    return f.isComplete()
        ? NumberResult.complete(canonical, factors, methods)
        : NumberResult.partial(canonical, factors, f.cofactor().toString(), methods);
  }

  /**
   * Below 2^64: the engine's allocation-free path, which is never partial. The factors stay
   * unsigned longs until they are written.
   */
  private static UnsignedDecimals factorLong(Factorizer factorizer, long unsigned, long[] scratch) {
    int count = factorizer.factor(unsigned, scratch);
    return UnsignedDecimals.of(scratch, count);
  }
}
