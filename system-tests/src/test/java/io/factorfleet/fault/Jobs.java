package io.factorfleet.fault;

import io.factorfleet.testing.NumberMix;
import java.util.List;

/** The jobs the fault scenarios run, sized to last long enough for faults to land mid-job. */
final class Jobs {
  /**
   * Small tasks, so that a job has thousands of them and messaging, not factoring, sets the pace.
   */
  static final int CHUNK_SIZE = 4;

  private Jobs() {}

  /** 12,000 numbers of 20 to 60 bits, a quarter of them semiprimes of two 28-bit primes. */
  static List<String> numbers(long seed) {
    return NumberMix.withSeed(seed).random(9_000, 20, 60).semiprimes(3_000, 28).shuffled().build();
  }

  static double secondsSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  static ReliabilityReport.Row row(
      int scenario,
      String injected,
      SubmittedJob job,
      FleetTally tally,
      long deadLettered,
      double seconds) {
    return new ReliabilityReport.Row(
        scenario,
        injected,
        job.numbers().size(),
        job.tasks(),
        tally.resultsRecorded(),
        tally.duplicatesDropped(),
        deadLettered,
        tally.workerAnswers(),
        seconds);
  }
}
