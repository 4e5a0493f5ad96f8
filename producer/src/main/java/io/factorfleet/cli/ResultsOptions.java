package io.factorfleet.cli;

import io.factorfleet.cli.results.JobWaiter;
import io.factorfleet.cli.results.ResultsClient;
import io.factorfleet.cli.results.ResultsUnavailableException;
import io.factorfleet.results.JobStatus;
import io.factorfleet.wire.WireCodec;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Where and how patiently {@code wait}, {@code result} and {@code submit --wait} reach the
 * aggregator service, and what they say and exit with for each outcome.
 */
final class ResultsOptions {
  /** Exit status when the job is unknown to the service. */
  static final int UNKNOWN_JOB = 3;

  /** Exit status of {@code fleet result} when the job is not written yet. */
  static final int STILL_RUNNING = 4;

  /** Exit status when the service gave up on the job. */
  static final int JOB_FAILED = 5;

  /** Where the service serves its jobs unless told otherwise: its metrics port on this host. */
  static final String DEFAULT_RESULTS_URL = "http://127.0.0.1:9401";

  @Option(
      names = "--results-url",
      paramLabel = "URL",
      defaultValue = DEFAULT_RESULTS_URL,
      description =
          "The aggregator service's HTTP server, the one of its /metrics, where it serves its"
              + " jobs (env FLEET_RESULTS_URL, default: ${DEFAULT-VALUE}).")
  String resultsUrl;

  @Option(
      names = "--patience",
      paramLabel = "DURATION",
      defaultValue = "PT1M",
      description =
          "How long the aggregator service may not answer (it may be restarting), or not know"
              + " the job (it may not have seen its first result yet), before giving up"
              + " (env FLEET_PATIENCE, default: ${DEFAULT-VALUE}).")
  Duration patience;

  /**
   * The client of the service at {@code --results-url}.
   *
   * @throws IllegalArgumentException when the URL or the patience is not valid
   */
  ResultsClient client() {
    if (patience.isNegative()) {
      throw new IllegalArgumentException("patience must not be negative, got " + patience);
    }
    try {
      return new ResultsClient(URI.create(resultsUrl));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          e.getMessage().startsWith("results URL") ? e.getMessage() : "bad results URL: " + e);
    }
  }

  /**
   * The client for a command about {@code job}, once the job id and these options are checked.
   *
   * @throws ParameterException saying what is wrong with them
   */
  ResultsClient clientFor(String job, CommandSpec spec) {
    try {
      requireJobId(job);
      return client();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  /** Checks a job id given on the command line. */
  static void requireJobId(String job) {
    if (!WireCodec.isJobId(job)) {
      throw new IllegalArgumentException(
          "'"
              + job
              + "' is not a job id: 1 to 128 letters, digits, '.', '_' or '-', not starting"
              + " with '.'");
    }
  }

  /**
   * Waits for the job and says how it ended: 0 once written with every number factored, 1 once
   * written with numbers that were not, {@link #UNKNOWN_JOB} when the service does not know it,
   * {@link #JOB_FAILED} when it gave up on it, 2 when the service does not answer.
   *
   * @param submitted whether the job was just submitted, so that the service is given all the time
   *     it needs to see it
   */
  static int await(
      ResultsClient client,
      Duration patience,
      String job,
      boolean submitted,
      FleetCommand fleet,
      PrintWriter err)
      throws InterruptedException {
    JobStatus done;
    try {
      done = new JobWaiter(client, patience).await(job, submitted, fleet.progress(), err);
    } catch (ResultsUnavailableException e) {
      err.println("fleet: " + e.getMessage());
      return FleetCommand.BROKER_UNAVAILABLE;
    }
    if (done.isUnknown()) {
      err.println(unknown(job, client));
      return UNKNOWN_JOB;
    }
    if (done.isFailed()) {
      err.println(failed(done));
      return JOB_FAILED;
    }
    if (done.errors() > 0) {
      err.printf(
          "fleet: job %s written, but %,d of its numbers were not factored; fleet result %s shows"
              + " which%n",
          job, done.errors(), job);
      return FleetCommand.INPUT_ERROR;
    }
    return 0;
  }

  /** What to say of a job the service gave up on. */
  static String failed(JobStatus job) {
    return "fleet: job "
        + job.job()
        + " failed: "
        + job.reason()
        + " (its results so far are kept by the aggregator service until fleet result --delete "
        + job.job()
        + ")";
  }

  static String unknown(String job, ResultsClient client) {
    return "fleet: unknown job "
        + job
        + ": the aggregator service at "
        + client.display()
        + " has no such job (it has seen no result of it, or it was deleted)";
  }
}
