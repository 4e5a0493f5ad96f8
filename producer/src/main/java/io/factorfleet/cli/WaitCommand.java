package io.factorfleet.cli;

import io.factorfleet.cli.results.ResultsClient;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code fleet wait}: waits until the aggregator service has written a submitted job. */
@Command(
    name = "wait",
    mixinStandardHelpOptions = true,
    description = {
      "Waits until the aggregator service has written the job JOB, which fleet submit printed,"
          + " showing its progress on a terminal; fleet result JOB then prints it."
    },
    exitCodeListHeading = "Exit status:%n",
    exitCodeList = {
      "0:the job is written, every number factored",
      "1:the job is written, but some of its numbers were not valid or not fully factored",
      "2:the aggregator service did not answer within the patience",
      "3:the aggregator service does not know the job",
      "5:the job failed: the aggregator service gave up on it, and says why",
      "64:bad command line"
    })
public final class WaitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ParentCommand FleetCommand fleet;

  @Mixin ResultsOptions results;

  @Parameters(paramLabel = "JOB", description = "The job's id, as fleet submit printed it.")
  String job;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    ResultsClient client = results.clientFor(job, spec);
    return ResultsOptions.await(client, results.patience, job, false, fleet, err);
  }
}
