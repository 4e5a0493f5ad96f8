package io.factorfleet.cli;

import com.rabbitmq.client.Connection;
import io.factorfleet.broker.BrokerConnector;
import io.factorfleet.broker.BrokerUnavailableException;
import io.factorfleet.cli.progress.StatusLine;
import io.factorfleet.cli.results.ResultsClient;
import io.factorfleet.coordinator.HardNumberCoordinator;
import io.factorfleet.producer.BatchSizer;
import io.factorfleet.producer.JobFeeder;
import io.factorfleet.producer.JobPublisher;
import io.factorfleet.producer.input.TokenReader;
import io.factorfleet.producer.input.TokenSource;
import io.factorfleet.settings.BrokerOptions;
import io.factorfleet.text.NumberParser;
import io.factorfleet.topology.QueueMismatchException;
import io.factorfleet.topology.Topology;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code fleet submit}: hands a job to the fleet and the aggregator service, and returns. A hard
 * number, alone in its task, goes to the aggregator service, which splits it over the fleet.
 */
@Command(
    name = "submit",
    mixinStandardHelpOptions = true,
    description = {
      "Publishes a job of the NUMBERs, or of the numbers read from standard input when none is"
          + " given, and prints its job id once every task is confirmed by the broker.",
      "The fleet-aggregator service writes the results to <data-dir>/<job-id>.txt; fleet wait"
          + " waits for them, fleet result prints them."
    },
    exitCodeListHeading = "Exit status:%n",
    exitCodeList = {
      "0:the job was submitted (with --wait: and written, every number factored)",
      "1:the job was submitted without the input that was not a valid positive integer (with"
          + " --wait: or written with numbers not fully factored)",
      "2:RabbitMQ could not be reached, or the connection was lost for good (with --wait: or the"
          + " aggregator service did not answer within the patience)",
      "5:with --wait: the job failed, the aggregator service gave up on it and says why",
      "64:bad command line"
    })
public final class SubmitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ParentCommand FleetCommand fleet;

  @Mixin BrokerOptions brokerOptions;

  @Mixin JobOptions jobOptions;

  @Option(
      names = "--wait",
      description =
          "Once submitted, wait until the aggregator service has written the job, as fleet wait"
              + " does; the service is given all the time it needs to see the job"
              + " (env FLEET_WAIT, default: ${DEFAULT-VALUE}).")
  boolean await;

  @Mixin ResultsOptions results;

  @Parameters(paramLabel = "NUMBER", description = "Numbers to factor; standard input when none.")
  List<String> numbers = List.of();

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Topology topology;
    JobFeeder feeder;
    BrokerConnector connector;
    ResultsClient client;
    try {
      client = await ? results.client() : null;
      topology = brokerOptions.topology();
      connector = new BrokerConnector(brokerOptions.broker());
      FactorSettings.requireRange(jobOptions.confirmWindow, 1, 100_000, "confirm window");
      feeder =
          new JobFeeder(
              new NumberParser(jobOptions.maxDigits),
              jobOptions.chunkSize == 0
                  ? BatchSizer.estimated()
                  : BatchSizer.fixed(jobOptions.chunkSize));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    TokenSource input =
        numbers.isEmpty() ? new TokenReader(fleet.stdin()) : TokenSource.of(numbers);
    String job = UUID.randomUUID().toString();
    int submitted;
    try (Connection connection = connector.open("fleet submit " + job)) {
      try {
        topology.declareTaskQueue(connection);
        topology.declareResultQueue(connection);
      } catch (QueueMismatchException e) {
        throw e.asRefusal();
      }
      JobFeeder.Summary summary;
      Publishing publishing = new Publishing(job);
      try (JobControl control =
              new JobControl(connection, topology, job, "submit", publishing, false);
          InterruptCancels interrupt = new InterruptCancels(control, job, err, () -> {});
          JobPublisher publisher =
              new JobPublisher(
                  connection,
                  topology,
                  job,
                  topology.resultQueue(),
                  jobOptions.confirmWindow,
                  JobOptions.RECONNECT_PATIENCE)) {
        try (StatusLine status =
            fleet.progress().line(err, numbers.isEmpty() ? -1 : numbers.size())) {
          status.start(publisher::numbers);
          summary =
              feeder.feed(
                  input, new Steps(publisher, publishing, new PrintWriter(status.guard(err))));
          publishing.check();
          publisher.seal();
          interrupt.jobDone();
        }
      } catch (JobCancelledException e) {
        err.println("fleet: " + e.getMessage() + " while it was being submitted");
        return FleetCommand.CANCELLED;
      }
      out.println(job);
      out.flush();
      fleet.stdout().flush();
      submitted = summary.invalid() > 0 ? FleetCommand.INPUT_ERROR : 0;
    } catch (BrokerUnavailableException e) {
      err.println("fleet: " + e.getMessage());
      return FleetCommand.BROKER_UNAVAILABLE;
    }
    if (!await) {
      return submitted;
    }
    int waited = ResultsOptions.await(client, results.patience, job, true, fleet, err);
    return waited == 0 ? submitted : waited;
  }

  /**
   * A job being submitted, as {@code fleet jobs} sees it until the aggregator service has its
   * results: nothing done yet, and its length unknown until it is sealed. A cancel stops the
   * publishing at the next task.
   */
  private static final class Publishing implements JobControl.Owner {
    private final String job;
    private volatile String cancelledBy;

    Publishing(String job) {
      this.job = job;
    }

    @Override
    public long done() {
      return 0;
    }

    @Override
    public long total() {
      return -1;
    }

    @Override
    public void cancelled(String by) {
      cancelledBy = by;
    }

    @Override
    public void fleetPrefetch(int prefetch) {
      // a submitted job is not paced to the fleet: its command line does not wait for it
    }

    void check() throws JobCancelledException {
      if (cancelledBy != null) {
        throw new JobCancelledException(job, cancelledBy);
      }
    }
  }

  /** Tasks go straight to the broker; errors straight to standard error. */
  private record Steps(JobPublisher publisher, Publishing publishing, PrintWriter err)
      implements JobFeeder.Steps {
    @Override
    public long nextTask() throws JobCancelledException {
      publishing.check();
      return publisher.tasks();
    }

    /**
     * A task holding one hard number goes to the aggregator service, which splits it over the
     * fleet; every other task to the task queue.
     */
    @Override
    public void dispatch(long index, List<String> numbers)
        throws IOException, InterruptedException {
      if (numbers.size() == 1 && HardNumberCoordinator.isHard(numbers.get(0))) {
        publisher.publishHardNumber(index, numbers.get(0));
      } else {
        publisher.publish(index, numbers);
      }
    }

    @Override
    public void invalid(String message) {
      err.println("fleet: " + message);
    }
  }
}
