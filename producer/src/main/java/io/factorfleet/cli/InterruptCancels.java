package io.factorfleet.cli;

import java.io.IOException;
import java.io.Writer;

/**
 * While a job runs, Ctrl-C (SIGINT) or SIGTERM on its command line cancels it as {@code fleet
 * cancel} would, so that the workers drop its queued tasks instead of factoring them for nobody;
 * the JVM then exits with status 130 (143 for SIGTERM), as the signal asks.
 */
final class InterruptCancels implements AutoCloseable {
  private final Thread hook;
  private volatile boolean over;

  /**
   * @param cleanUp what else the command line does before it goes, once the cancel is sent: {@code
   *     fleet factor} deletes its reply queue
   */
  InterruptCancels(JobControl control, String job, Writer err, Runnable cleanUp) {
    this.hook =
        new Thread(
            () -> {
              if (over) {
                return;
              }
              boolean told = control.cancel("an interrupt of " + control.ownerName());
              cleanUp.run();
              try {
                err.write(
                    told
                        ? "fleet: interrupted; job " + job + " cancelled\n"
                        : "fleet: interrupted; the cancel of job "
                            + job
                            + " did not reach RabbitMQ within "
                            + JobControl.CANCEL_TIMEOUT.toSeconds()
                            + " s\n");
                err.flush();
              } catch (IOException e) {
                // standard error is gone; nothing left to tell it
              }
            },
            "fleet-interrupt");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** The job has ended: an exit from now on cancels nothing. */
  void jobDone() {
    over = true;
  }

  @Override
  public void close() {
    over = true;
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs, or has run, and sees the job over
    }
  }
}
