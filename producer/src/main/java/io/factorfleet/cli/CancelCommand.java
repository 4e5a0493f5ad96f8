package io.factorfleet.cli;

import io.factorfleet.broker.BrokerUnavailableException;
import io.factorfleet.control.Hosts;
import io.factorfleet.settings.BrokerOptions;
import io.factorfleet.wire.ControlMessage;
import io.factorfleet.wire.WireCodec;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fleet cancel JOB}: stops a job in flight. */
@Command(
    name = "cancel",
    mixinStandardHelpOptions = true,
    description = {
      "Stops a job in flight: the workers acknowledge its queued tasks without factoring them and"
          + " drop the tasks they are factoring at the next number; a fleet factor of the job"
          + " exits with status 130, a fleet submit stops publishing, and the aggregator service"
          + " discards what it has collected of a submitted job, which then reads as failed"
          + " (cancelled).",
      "The job's owner (its fleet factor, or the fleet submit still publishing it, or the"
          + " aggregator service) confirms the cancel; when none does within --answer-wait, the"
          + " job is unknown or finished (or its command line was killed: the workers still drop"
          + " its tasks left in the queue), and the exit status is 3."
    },
    exitCodeListHeading = "Exit status:%n",
    exitCodeList = {
      "0:the job was cancelled",
      "2:RabbitMQ could not be reached",
      "3:no job of this id is in flight: it is unknown, or finished",
      "64:bad command line"
    })
public final class CancelCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin BrokerOptions brokerOptions;

  @Mixin ControlOptions controlOptions;

  /** How long to wait for a second owner's confirmation once the first has come. */
  private static final Duration SECOND_OWNER_WAIT = Duration.ofMillis(200);

  @Parameters(paramLabel = "JOB", description = "The job's id, as fleet jobs lists it.")
  String job;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!WireCodec.isJobId(job)) {
      throw new ParameterException(
          spec.commandLine(),
          "'"
              + job
              + "' is not a job id: 1 to 128 of A-Z, a-z, 0-9, '.', '_' and '-', not starting"
              + " with '.'");
    }
    ControlOptions.Asking asking = controlOptions.asking(brokerOptions, spec);
    List<ControlMessage.Cancelled> confirmations;
    try {
      // Once one owner has confirmed, a little longer for a second: a submitted job's command
      // line and the aggregator service both may hold it.
      confirmations =
          asking.ask(
              "fleet cancel " + job,
              new ControlMessage.Cancel(job, "fleet cancel on " + Hosts.local()),
              ControlMessage.Cancelled.class,
              done -> job.equals(done.job()),
              SECOND_OWNER_WAIT);
    } catch (BrokerUnavailableException e) {
      err.println("fleet: " + e.getMessage());
      return FleetCommand.BROKER_UNAVAILABLE;
    }
    if (confirmations.isEmpty()) {
      err.println(
          "fleet: no job "
              + job
              + " is in flight (unknown or finished: nothing answered within "
              + asking.answerWait()
              + "); workers still drop any task of it left in the queue");
      return FleetCommand.UNKNOWN_JOB;
    }
    for (ControlMessage.Cancelled done : confirmations) {
      out.printf(
          Locale.ROOT, "cancelled job %s (%s, %,d numbers done)%n", job, done.owner(), done.done());
    }
    return 0;
  }
}
