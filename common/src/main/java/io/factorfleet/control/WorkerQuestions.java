package io.factorfleet.control;

import io.factorfleet.wire.ControlMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Asks the workers every {@link #ASK_EVERY}, over the control exchange, how many tasks they take at
 * once, for a process that paces its work to the fleet ({@code fleet factor}'s window, the units of
 * a hard number out at once). The workers answer on the asker's control queue, where its listener
 * sums them with a {@link FleetCapacity}.
 */
public final class WorkerQuestions implements AutoCloseable {
  /** How often the workers are asked. */
  public static final Duration ASK_EVERY = Duration.ofSeconds(2);

  private final ScheduledExecutorService asker =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "fleet-capacity");
            thread.setDaemon(true);
            return thread;
          });

  /**
   * Starts asking on {@code channel} at once, then every {@link #ASK_EVERY} while {@code wanted}
   * says so.
   */
  public WorkerQuestions(ControlChannel channel, BooleanSupplier wanted) {
    asker.scheduleWithFixedDelay(
        () -> {
          if (wanted.getAsBoolean()) {
            ask(channel);
          }
        },
        0,
        ASK_EVERY.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private static void ask(ControlChannel channel) {
    try {
      channel.ask(new ControlMessage.Query(ControlMessage.Query.WORKERS));
    } catch (IOException | RuntimeException e) {
      // the connection is being recovered; the next round asks again
    }
  }

  @Override
  public void close() {
    asker.shutdownNow();
  }
}
