package io.factorfleet.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Stops a scenario's surviving processes with SIGTERM, checks that each was still running and exits
 * 0, and adds up what they reported on the way out.
 */
final class FleetTally {
  private static final Pattern WORKER_STOPPED =
      Pattern.compile("stopped after answering (\\d+) tasks");
  private static final Pattern AGGREGATOR_STOPPED =
      Pattern.compile(
          "aggregator stopped: (\\d+) results recorded, (\\d+) duplicates dropped,"
              + " (\\d+) dead-lettered");

  /** Time a survivor gets to report healthy, e.g. while reconnecting after a broker outage. */
  private static final Duration HEALTHY_TIMEOUT = Duration.ofSeconds(30);

  private long workerAnswers;
  private long resultsRecorded;
  private long duplicatesDropped;
  private long aggregatorDeadLettered;
  private int killed;

  /** Notes a process the scenario killed: whatever it counted is lost with it. */
  void killed(FleetProcess process) throws InterruptedException {
    process.kill();
    killed++;
  }

  /** SIGTERMs a worker that must have survived everything, and adds up its answers. */
  void stopWorker(FleetProcess worker) throws InterruptedException {
    stop(worker);
    workerAnswers +=
        worker
            .logged(WORKER_STOPPED, 1)
            .orElseThrow(() -> new AssertionError(worker.name() + " did not report its count"));
  }

  /** SIGTERMs an aggregator service that must have survived everything, and adds up its counts. */
  void stopAggregator(FleetProcess aggregator) throws InterruptedException {
    stop(aggregator);
    resultsRecorded += count(aggregator, 1);
    duplicatesDropped += count(aggregator, 2);
    aggregatorDeadLettered += count(aggregator, 3);
  }

  /** Tasks answered by the workers stopped with SIGTERM; killed workers could not say. */
  long workerAnswers() {
    return workerAnswers;
  }

  int killed() {
    return killed;
  }

  long resultsRecorded() {
    return resultsRecorded;
  }

  long duplicatesDropped() {
    return duplicatesDropped;
  }

  long aggregatorDeadLettered() {
    return aggregatorDeadLettered;
  }

  private static void stop(FleetProcess process) throws InterruptedException {
    assertThat(process.isAlive())
        .as("%s still running before being stopped; its log:%n%s", process.name(), process.log())
        .isTrue();
    process.awaitHealthy(HEALTHY_TIMEOUT);
    int status = process.terminate();
    assertThat(status)
        .as("exit status of %s after SIGTERM; its log:%n%s", process.name(), process.log())
        .isZero();
  }

  private static long count(FleetProcess aggregator, int group) {
    return aggregator
        .logged(AGGREGATOR_STOPPED, group)
        .orElseThrow(() -> new AssertionError(aggregator.name() + " did not report its counts"));
  }
}
