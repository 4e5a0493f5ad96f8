package io.factorfleet.cli;

import io.factorfleet.cli.output.OutputFormat;
import io.factorfleet.cli.results.ResultsClient;
import io.factorfleet.cli.results.ResultsUnavailableException;
import io.factorfleet.cli.results.SubmittedOutput;
import io.factorfleet.results.JobStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code fleet result}: prints a submitted job's results, which the aggregator service wrote. */
@Command(
    name = "result",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the results of the job JOB, which fleet submit printed, once the aggregator service"
          + " has written it: on standard output in the format of --format, and the numbers that"
          + " could not be factored on standard error, after them."
    },
    exitCodeListHeading = "Exit status:%n",
    exitCodeList = {
      "0:the results were printed, every number factored",
      "1:the results were printed, but some numbers were not valid or not fully factored",
      "2:the aggregator service did not answer",
      "3:the aggregator service does not know the job",
      "4:the job is still running (fleet wait JOB waits for it)",
      "5:the job failed: the aggregator service gave up on it, and says why (with --delete:"
          + " then deletes what it kept of it)",
      "64:bad command line"
    })
public final class ResultCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ParentCommand FleetCommand fleet;

  @Mixin ResultsOptions results;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "gnu",
      converter = FactorCommand.FormatConverter.class,
      description =
          "How factored numbers are printed, as by fleet factor: gnu (as GNU factor), jsonl (one"
              + " JSON object per number, with the worker that answered and how each factor was"
              + " found from 2^64 on) or csv (n,factors) (env FLEET_FORMAT, default:"
              + " ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(
      names = "--delete",
      description =
          "Once the results are printed in full, delete them from the service"
              + " (env FLEET_DELETE, default: ${DEFAULT-VALUE}).")
  boolean delete;

  @Parameters(paramLabel = "JOB", description = "The job's id, as fleet submit printed it.")
  String job;

  @Override
  public Integer call() throws InterruptedException, IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ResultsClient client = results.clientFor(job, spec);
    try {
      JobStatus status = client.status(job);
      if (status.isUnknown()) {
        err.println(ResultsOptions.unknown(job, client));
        return ResultsOptions.UNKNOWN_JOB;
      }
      if (status.isFailed()) {
        err.println(ResultsOptions.failed(status));
        if (delete) {
          client.delete(job);
        }
        return ResultsOptions.JOB_FAILED;
      }
      if (!status.isWritten()) {
        err.println(
            "fleet: job "
                + job
                + " is still running, "
                + status.recorded()
                + "; fleet wait "
                + job
                + " waits for it");
        return ResultsOptions.STILL_RUNNING;
      }
      long errors = print(client, out, err);
      if (delete) {
        client.delete(job);
      }
      return errors > 0 ? FleetCommand.INPUT_ERROR : 0;
    } catch (ResultsUnavailableException e) {
      out.flush();
      err.println("fleet: " + e.getMessage());
      return FleetCommand.BROKER_UNAVAILABLE;
    }
  }

  /** Prints the output, then the errors; returns how many errors. */
  private long print(ResultsClient client, PrintWriter out, PrintWriter err)
      throws ResultsUnavailableException, InterruptedException, IOException {
    Optional<InputStream> output = client.part(job, "output");
    if (output.isEmpty()) {
      throw new ResultsUnavailableException("job " + job + " was deleted while being read");
    }
    Optional<InputStream> info =
        format == OutputFormat.JSONL ? client.part(job, "info") : Optional.empty();
    try (InputStream lines = output.get()) {
      out.flush();
      new SubmittedOutput(job, format).copy(lines, info.orElse(null), fleet.stdout());
      fleet.stdout().flush();
    } finally {
      if (info.isPresent()) {
        info.get().close();
      }
    }
    long errors = 0;
    Optional<InputStream> errorLines = client.part(job, "errors");
    if (errorLines.isPresent()) {
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(errorLines.get(), StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          err.println("fleet: " + line);
          errors++;
        }
      }
    }
    return errors;
  }
}
