package io.factorfleet.cli;

import java.io.IOException;

/**
 * The job was cancelled while it ran: by {@code fleet cancel}, or by Ctrl-C on its command line.
 */
final class JobCancelledException extends IOException {
  JobCancelledException(String job, String by) {
    super("job " + job + " was cancelled by " + by);
  }
}
