package io.factorfleet.cli;

import io.factorfleet.cli.output.OrderedOutput;
import io.factorfleet.engine.Factorizer;
import io.factorfleet.producer.JobFeeder;
import io.factorfleet.producer.input.TokenSource;
import io.factorfleet.task.TaskProcessor;
import io.factorfleet.text.NumberParser;
import io.factorfleet.wire.SealMessage;
import io.factorfleet.wire.TaskMessage;
import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * {@code fleet factor --local}: the same tasks, engine and ordered output as the fleet, on a thread
 * pool of this process instead of workers behind a broker.
 */
final class LocalFactoring {
  /** No broker is waiting for an acknowledgement here, so a task may take as long as it needs. */
  private static final Duration LOCAL_TASK_BUDGET = Duration.ofDays(365);

  private final FactorSettings settings;

  LocalFactoring(FactorSettings settings) {
    this.settings = settings;
  }

  /** Returns whether any error was shown. */
  boolean run(TokenSource input, Writer out, Writer err) throws IOException, InterruptedException {
    String job = "local-" + UUID.randomUUID();
    TaskProcessor processor =
        new TaskProcessor(
            Factorizer.DEFAULT_BUDGET,
            LOCAL_TASK_BUDGET,
            new NumberParser(settings.maxDigits()),
            "local");
    OrderedOutput output = new OrderedOutput(job, out, err, "fleet", settings.maxInFlight());
    ExecutorService pool = Executors.newFixedThreadPool(settings.threads(), daemonThreads());
    try {
      JobFeeder.Summary summary =
          new JobFeeder(new NumberParser(settings.maxDigits()), settings.chunkSize())
              .feed(
                  input,
                  new OrderedSteps(
                      output,
                      (index, numbers) ->
                          pool.execute(
                              () -> {
                                try {
                                  output.accept(
                                      processor.process(TaskMessage.of(job, index, numbers)));
                                } catch (RuntimeException | Error e) {
                                  output.fail(e);
                                }
                              })));
      output.seal(SealMessage.of(job, summary.tasks(), summary.numbers()));
      output.awaitCompletion();
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(1, TimeUnit.SECONDS);
    }
    return output.errorsShown();
  }

  private static ThreadFactory daemonThreads() {
    return runnable -> {
      Thread thread = new Thread(runnable, "local-factoring");
      thread.setDaemon(true);
      return thread;
    };
  }
}
