package io.factorfleet.cli;

import io.factorfleet.broker.BrokerUnavailableException;
import io.factorfleet.cli.jobs.JobsTable;
import io.factorfleet.settings.BrokerOptions;
import io.factorfleet.wire.ControlMessage;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code fleet jobs}: the jobs in flight, as each tells it. */
@Command(
    name = "jobs",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the jobs in flight on the fleet: every fleet factor and fleet submit still running,"
          + " and the submitted jobs the aggregator service is collecting, each as it answers"
          + " now. Columns: JOB, HOST and COMMAND (where and by what it was started), DONE and"
          + " TOTAL (numbers; - while not known), RATE/S (numbers per second since it started),"
          + " AGE, and ETA (- while the total or the rate is not known)."
    },
    exitCodeListHeading = "Exit status:%n",
    exitCodeList = {
      "0:the jobs were listed, none perhaps",
      "2:RabbitMQ could not be reached",
      "64:bad command line"
    })
public final class JobsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin BrokerOptions brokerOptions;

  @Mixin ControlOptions controlOptions;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ControlOptions.Asking asking = controlOptions.asking(brokerOptions, spec);
    List<ControlMessage.JobStatus> answers;
    try {
      answers =
          asking.ask(
              "fleet jobs",
              new ControlMessage.Query(ControlMessage.Query.JOBS),
              ControlMessage.JobStatus.class,
              status -> true,
              asking.answerWait());
    } catch (BrokerUnavailableException e) {
      err.println("fleet: " + e.getMessage());
      return FleetCommand.BROKER_UNAVAILABLE;
    }
    JobsTable.print(out, JobsTable.merge(answers), System.currentTimeMillis());
    return 0;
  }
}
