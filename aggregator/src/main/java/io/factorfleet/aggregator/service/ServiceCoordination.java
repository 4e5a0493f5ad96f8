package io.factorfleet.aggregator.service;

import io.factorfleet.control.ControlChannel;
import io.factorfleet.control.FleetCapacity;
import io.factorfleet.control.WorkerQuestions;
import io.factorfleet.coordinator.HardNumberCoordinator;
import io.factorfleet.engine.FactoringListener;
import io.factorfleet.wire.ControlMessage;
import io.factorfleet.wire.ResultMessage;
import io.factorfleet.wire.UnitResultMessage;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's coordination of the hard numbers of every job it collects: one {@link
 * HardNumberCoordinator}, which works on one number at a time in the order they were recorded, its
 * units going out through the {@link UnitPublisher}; the answers to their units spooled before a
 * number starts (after a restart) given back to it first.
 *
 * <p>It keeps as many units out as the workers take at once: while a number waits, it asks the
 * workers for their prefetch every {@link WorkerQuestions#ASK_EVERY} over the control exchange, as
 * {@code fleet factor} does ({@link WorkerQuestions}), and sums what those heard from recently said
 * ({@link FleetCapacity}); {@link FleetCapacity#MIN_WINDOW} units until the first answers. Asking
 * rather than reading the task queue's consumers follows workers of any number of threads, and
 * costs nothing while no hard number waits.
 */
final class ServiceCoordination implements GroupCommitConsumer.Coordination, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ServiceCoordination.class);

  private final FleetCapacity capacity = new FleetCapacity();
  private final HardNumberCoordinator coordinator;
  private final WorkerQuestions asker;

  /**
   * @param units where units go
   * @param control where the workers are asked for their prefetch
   * @param answers where a hard number's answer goes, to be recorded as its task's result
   */
  ServiceCoordination(
      UnitPublisher units,
      SpoolDirectory spool,
      ControlChannel control,
      Consumer<ResultMessage> answers) {
    this.coordinator =
        new HardNumberCoordinator(
            units,
            () -> Math.max(FleetCapacity.MIN_WINDOW, capacity.prefetch(System.nanoTime())),
            spool::unitAnswers,
            answers,
            n -> FactoringListener.NONE);
    this.asker = new WorkerQuestions(control, () -> coordinator.pending() > 0);
  }

  /** Takes up the hard numbers an earlier run left, in the order of their journals. */
  void resume(List<SpoolEntry.HardNumber> waiting) {
    if (!waiting.isEmpty()) {
      log.info("coordinating again {} hard numbers recorded before the restart", waiting.size());
    }
    waiting.forEach(this::hardNumber);
  }

  @Override
  public void hardNumber(SpoolEntry.HardNumber hard) {
    log.info(
        "hard number of task {} of job {} ({} digits) recorded; {} before it",
        hard.task(),
        hard.job(),
        hard.number().length(),
        coordinator.pending());
    coordinator.factor(hard.job(), hard.task(), hard.number());
  }

  @Override
  public void unitAnswer(UnitResultMessage answer) {
    if (!coordinator.accept(answer)) {
      log.debug(
          "answer to unit {} of number {} of job {} spooled for when the number starts",
          answer.unit(),
          answer.number(),
          answer.job());
    }
  }

  /** A worker said how many tasks it takes at once. */
  void heard(ControlMessage.WorkerStatus worker) {
    capacity.heard(worker.worker(), worker.prefetch(), System.nanoTime());
  }

  /** Stops the hard numbers of a cancelled job. */
  void cancel(String job) {
    coordinator.cancel(job);
  }

  @Override
  public void close() {
    asker.close();
    coordinator.close();
  }
}
