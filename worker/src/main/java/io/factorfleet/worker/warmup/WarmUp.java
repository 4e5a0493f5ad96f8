package io.factorfleet.worker.warmup;

import io.factorfleet.text.NumberParser;
import io.factorfleet.wire.NumberResult;
import io.factorfleet.wire.ResultMessage;
import io.factorfleet.wire.TaskMessage;
import io.factorfleet.wire.WireCodec;
import io.factorfleet.wire.WireFormatException;
import io.factorfleet.worker.TaskProcessor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Runs the warm-up sample through the path a task takes in a worker (decode, factor, encode) on all
 * the worker's threads before it consumes, so that the JIT has compiled the engine's hot loops when
 * the first job comes, and checks every answer against the sample's known factorizations.
 */
public final class WarmUp {
  /** Numbers per warm-up task: each task is one call of the processor's loop, as in a worker. */
  static final int TASK_SIZE = 100;

  /**
   * Budgets of the warm-up's own processor, whatever the worker's: no number of the sample may be
   * cut short by a budget set small on purpose.
   */
  private static final Duration NUMBER_BUDGET = Duration.ofMinutes(1);

  private static final Duration TASK_BUDGET = Duration.ofMinutes(10);

  private final List<KnownFactorization> sample;
  private final Function<TaskMessage, ResultMessage> engine;
  private final int threads;
  private final WireCodec codec = new WireCodec();

  /**
   * @param sample the numbers to factor and their known factorizations
   * @param engine what factors a task, as a worker's task processor does
   * @param threads how many threads factor at once
   */
  public WarmUp(WarmUpSample sample, Function<TaskMessage, ResultMessage> engine, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.sample = sample.numbers();
    this.engine = engine;
    this.threads = threads;
  }

  /** The full sample through a task processor like a worker's, on {@code threads} threads. */
  public static WarmUp forWorker(String workerId, int threads) {
    TaskProcessor processor =
        new TaskProcessor(
            NUMBER_BUDGET,
            TASK_BUDGET,
            new NumberParser(NumberParser.DEFAULT_MAX_DIGITS),
            workerId);
    return new WarmUp(WarmUpSample.draw(1), processor::process, threads);
  }

  /** How many numbers the sample holds. */
  public int numbers() {
    return sample.size();
  }

  /**
   * Factors and checks the whole sample, or stops early, between tasks, once {@code stop} says so.
   *
   * @return how long it took
   * @throws EngineCheckFailedException naming the first number answered wrongly
   */
  public Duration run(BooleanSupplier stop)
      throws EngineCheckFailedException, InterruptedException {
    long started = System.nanoTime();
    int tasks = (sample.size() + TASK_SIZE - 1) / TASK_SIZE;
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            runnable -> {
              Thread thread = new Thread(runnable, "warm-up");
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<Future<Void>> runs = new ArrayList<>(threads);
      for (int t = 0; t < threads; t++) {
        runs.add(
            pool.submit(
                () -> {
                  for (int task = next.getAndIncrement();
                      task < tasks && !stop.getAsBoolean();
                      task = next.getAndIncrement()) {
                    factorAndCheck(task);
                  }
                  return null;
                }));
      }
      for (Future<Void> run : runs) {
        awaitRun(run, next, tasks);
      }
    } finally {
      pool.shutdownNow();
    }
    return Duration.ofNanos(System.nanoTime() - started);
  }

  private void awaitRun(Future<Void> run, AtomicInteger next, int tasks)
      throws EngineCheckFailedException, InterruptedException {
    try {
      run.get();
    } catch (ExecutionException e) {
      next.set(tasks); // the other threads take no further task
      if (e.getCause() instanceof EngineCheckFailedException failed) {
        throw failed;
      }
      throw new IllegalStateException("the warm-up failed: " + e.getCause(), e.getCause());
    }
  }

  /** One task of the sample, the whole way a worker takes it: decoded, factored, encoded. */
  private void factorAndCheck(int index) throws EngineCheckFailedException, WireFormatException {
    List<KnownFactorization> known =
        sample.subList(index * TASK_SIZE, Math.min(sample.size(), (index + 1) * TASK_SIZE));
    TaskMessage task =
        codec.decodeTask(
            codec.encode(
                TaskMessage.of(
                    "warm-up", index, known.stream().map(KnownFactorization::number).toList())));
    ResultMessage result = engine.apply(task);
    codec.encode(result);
    if (result.results().size() != known.size()) {
      throw new EngineCheckFailedException(
          "the factoring engine answered "
              + result.results().size()
              + " numbers of a warm-up task of "
              + known.size()
              + "; this worker takes no task");
    }
    for (int i = 0; i < known.size(); i++) {
      check(known.get(i), result.results().get(i));
    }
  }

  private static void check(KnownFactorization known, NumberResult answer)
      throws EngineCheckFailedException {
    boolean right =
        answer.isComplete()
            && answer.n().equals(known.number())
            && answer.factors().equals(known.primes());
    if (!right) {
      throw new EngineCheckFailedException(
          "the factoring engine answered "
              + known.number()
              + " with "
              + describe(answer)
              + " instead of "
              + String.join(" ", known.primes())
              + "; this worker takes no task");
    }
  }

  private static String describe(NumberResult answer) {
    if (answer.isRefused()) {
      return "the error '" + answer.error() + "'";
    }
    String factors = String.join(" ", answer.factors());
    return answer.isComplete()
        ? "'" + answer.n() + ": " + factors + "'"
        : "the partial '" + answer.n() + ": " + factors + "' (cofactor " + answer.cofactor() + ")";
  }
}
