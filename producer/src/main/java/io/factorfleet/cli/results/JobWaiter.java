package io.factorfleet.cli.results;

import io.factorfleet.cli.progress.Progress;
import io.factorfleet.cli.progress.StatusLine;
import io.factorfleet.results.JobStatus;
import java.io.Writer;
import java.time.Duration;

/**
 * Waits until the aggregator service has written a submitted job, asking it every {@link #POLL},
 * with a progress line on the terminal meanwhile. The service is given {@code patience} when it
 * does not answer (it may be restarting) and when it does not know the job (it may not have seen
 * the job's first message yet); past that, the wait gives up.
 */
public final class JobWaiter {
  /** How often the service is asked. */
  static final Duration POLL = Duration.ofMillis(250);

  private final ResultsClient client;
  private final Duration patience;
  private volatile long numbersRecorded;

  /**
   * @param patience how long the service may not answer, or not know the job, before giving up
   */
  public JobWaiter(ResultsClient client, Duration patience) {
    this.client = client;
    this.patience = patience;
  }

  /**
   * Waits for {@code job}; returns its state once it is written or failed, or once the service has
   * not known it for the patience.
   *
   * @param submitted whether the job is known to be submitted (by {@code fleet submit --wait}):
   *     then a service that does not know it yet is waited for however long it takes
   * @param progress where the progress is shown, if anywhere
   * @param err standard error, where the progress line goes
   * @throws ResultsUnavailableException when the service has not answered for the patience
   */
  public JobStatus await(String job, boolean submitted, Progress progress, Writer err)
      throws ResultsUnavailableException, InterruptedException {
    long unansweredSince = -1;
    long unknownSince = -1;
    StatusLine line = null;
    try {
      while (true) {
        JobStatus now;
        try {
          now = client.status(job);
          unansweredSince = -1;
        } catch (ResultsUnavailableException e) {
          unansweredSince = unansweredSince < 0 ? System.nanoTime() : unansweredSince;
          if (System.nanoTime() - unansweredSince > patience.toNanos()) {
            throw e;
          }
          Thread.sleep(POLL.toMillis());
          continue;
        }
        if (now.isWritten() || now.isFailed()) {
          return now;
        }
        if (now.isUnknown() && !submitted) {
          unknownSince = unknownSince < 0 ? System.nanoTime() : unknownSince;
          if (System.nanoTime() - unknownSince > patience.toNanos()) {
            return now;
          }
        } else {
          unknownSince = -1;
        }
        numbersRecorded = now.numbersRecorded();
        if (line == null && !now.isUnknown()) {
          line = progress.line(err, now.numbers());
          line.start(() -> numbersRecorded);
        }
        Thread.sleep(POLL.toMillis());
      }
    } finally {
      if (line != null) {
        line.close();
      }
    }
  }
}
