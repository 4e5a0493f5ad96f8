package io.factorfleet.cli;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.factorfleet.aggregator.Aggregator;
import io.factorfleet.aggregator.ReplyConsumer;
import io.factorfleet.aggregator.ResultSink;
import io.factorfleet.broker.BrokerConnector;
import io.factorfleet.broker.BrokerUnavailableException;
import io.factorfleet.cli.output.OrderedOutput;
import io.factorfleet.cli.progress.HardNumbers;
import io.factorfleet.cli.progress.Progress;
import io.factorfleet.cli.progress.StatusLine;
import io.factorfleet.control.FleetCapacity;
import io.factorfleet.coordinator.HardNumberCoordinator;
import io.factorfleet.coordinator.SpooledAnswers;
import io.factorfleet.coordinator.UnitSender;
import io.factorfleet.metrics.FleetMetrics;
import io.factorfleet.producer.BatchSizer;
import io.factorfleet.producer.JobFeeder;
import io.factorfleet.producer.JobPublisher;
import io.factorfleet.producer.input.TokenSource;
import io.factorfleet.text.GnuFormat;
import io.factorfleet.text.NumberParser;
import io.factorfleet.topology.QueueMismatchException;
import io.factorfleet.topology.Topology;
import io.factorfleet.wire.ResultMessage;
import io.factorfleet.wire.SealMessage;
import io.factorfleet.wire.UnitMessage;
import io.factorfleet.wire.UnitResultMessage;
import io.factorfleet.wire.WireCodec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * {@code fleet factor} through the fleet: publishes the job's tasks, collects their results on a
 * reply queue of the job's own with the embedded aggregator, and prints them in input order.
 */
final class FleetFactoring {
  /**
   * Numbers whose results the broker may send ahead of the reply being handled. The reply consumer
   * is usually the slowest step, so its prefetch stays full: counted in messages alone, it would
   * hold twice the confirm window of the largest results (128 of 10,000 numbers, over 60 MB of
   * bodies), more than a small heap has room for.
   */
  static final int REPLY_BUFFER_NUMBERS = 100_000;

  /**
   * The prefetch a job assumes per consumer of the task queue until the workers tell their own: a
   * worker of one thread with the default prefetch per thread. The first answers come within
   * milliseconds.
   */
  static final int INITIAL_PREFETCH_PER_CONSUMER = 2;

  /** The window of a job sized from the fleet, at most: a fleet of 256 workers of 8 threads. */
  static final int MAX_WINDOW = 4096;

  private final FactorSettings settings;

  FleetFactoring(FactorSettings settings) {
    this.settings = settings;
  }

  /**
   * Returns whether any error was shown.
   *
   * @param out where the results go, as bytes
   * @param total numbers in the input, or a negative number when unknown
   * @param progress where the progress of the job is shown, if anywhere
   */
  boolean run(TokenSource input, long total, OutputStream out, Writer err, Progress progress)
      throws IOException, InterruptedException, BrokerUnavailableException {
    String job = UUID.randomUUID().toString();
    try (Connection connection =
        new BrokerConnector(settings.broker()).open("fleet factor " + job)) {
      int consumers = declareTaskQueue(connection, err);
      String replyQueue = declareReplyQueue(connection, job);
      try {
        return runJob(connection, job, replyQueue, consumers, input, total, out, err, progress);
      } finally {
        deleteReplyQueue(connection, replyQueue);
      }
    }
  }

  /**
   * Declares the task queue, warning on {@code err} when no worker consumes it yet; returns how
   * many consume it.
   */
  private int declareTaskQueue(Connection connection, Writer err)
      throws IOException, BrokerUnavailableException {
    Topology topology = settings.topology();
    try {
      topology.declareTaskQueue(connection);
    } catch (QueueMismatchException e) {
      throw e.asRefusal();
    }
    try (Channel channel = connection.createChannel()) {
      AMQP.Queue.DeclareOk tasks = channel.queueDeclarePassive(topology.taskQueue());
      if (tasks.getConsumerCount() == 0) {
        err.write(
            "fleet: no worker is consuming "
                + topology.taskQueue()
                + " yet; results come once one starts\n");
        err.flush();
      }
      return tasks.getConsumerCount();
    } catch (TimeoutException e) {
      throw new IOException("timed out declaring the queues", e);
    }
  }

  /** Declares the job's reply queue and returns its name. */
  private String declareReplyQueue(Connection connection, String job) throws IOException {
    try (Channel channel = connection.createChannel()) {
      return settings.topology().declareReplyQueue(channel, job);
    } catch (TimeoutException e) {
      throw new IOException("timed out declaring the reply queue", e);
    }
  }

  /** Publishes the job's tasks and prints its results until every number is answered. */
  private boolean runJob(
      Connection connection,
      String job,
      String replyQueue,
      int consumers,
      TokenSource input,
      long total,
      OutputStream out,
      Writer err,
      Progress progress)
      throws IOException, InterruptedException {
    Topology topology = settings.topology();
    StatusLine status = progress.line(err, total);
    OrderedOutput output =
        new OrderedOutput(
            job,
            status.guard(out),
            status.guard(err),
            "fleet",
            settings.maxInFlight() == 0
                ? FleetCapacity.window(consumers * INITIAL_PREFETCH_PER_CONSUMER, MAX_WINDOW)
                : settings.maxInFlight(),
            settings.format(),
            GnuFormat.of(settings.exponents()));
    BatchSizer sizer =
        settings.chunkSize() == 0 ? BatchSizer.adaptive() : BatchSizer.fixed(settings.chunkSize());
    HardNumbers hardNumbers = HardNumbers.onSystemClock();
    status.start(output::numbersAnswered, hardNumbers::line);
    JobState state = new JobState(job, output, total, settings.maxInFlight());
    try (status;
        // asks the workers' prefetch, which sizes the window and the units of hard numbers
        JobControl control = new JobControl(connection, topology, job, "factor", state, true);
        InterruptCancels interrupt =
            new InterruptCancels(
                control, job, err, () -> deleteReplyQueue(connection, replyQueue));
        JobPublisher publisher =
            new JobPublisher(
                connection,
                topology,
                job,
                replyQueue,
                settings.confirmWindow(),
                JobOptions.RECONNECT_PATIENCE);
        HardNumberCoordinator hard =
            new HardNumberCoordinator(
                unitSender(publisher, control),
                () -> state.fleetPrefetch() > 0 ? state.fleetPrefetch() : 2 * consumers,
                SpooledAnswers.NONE,
                output::accept,
                hardNumbers::watch);
        ReplyConsumer replies =
            new ReplyConsumer(
                connection,
                topology,
                replyQueue,
                settings.threads(),
                replyPrefetch(settings.confirmWindow(), sizer.largest(), settings.threads()),
                new Aggregator(new WireCodec(), learningFrom(output, sizer, hard)),
                FleetMetrics.NONE)) {
      JobFeeder.Summary fed =
          new JobFeeder(new NumberParser(settings.maxDigits()), sizer)
              .feed(input, new OrderedSteps(output, dispatch(job, publisher, hard)));
      state.fed(fed.numbers() + fed.invalid());
      publisher.seal();
      output.awaitCompletion();
      interrupt.jobDone();
    }
    return output.errorsShown();
  }

  /** Units go to the task queue with the job's tasks; their end goes to the workers' control. */
  private static UnitSender unitSender(JobPublisher publisher, JobControl control) {
    return new UnitSender() {
      @Override
      public void send(UnitMessage unit) throws IOException, InterruptedException {
        publisher.publishUnit(unit);
      }

      @Override
      public void unitsDone(String job, long number, long below) throws IOException {
        control.unitsDone(number, below);
      }
    };
  }

  /**
   * Where a task goes: a hard number, alone in its task, to the job's coordinator, which splits it
   * over the fleet; every other task to the task queue.
   */
  private static OrderedSteps.Dispatch dispatch(
      String job, JobPublisher publisher, HardNumberCoordinator hard) {
    return (index, numbers) -> {
      if (numbers.size() == 1 && HardNumberCoordinator.isHard(numbers.get(0))) {
        publisher.countUnpublished(1);
        hard.factor(job, index, numbers.get(0));
      } else {
        publisher.publish(index, numbers);
      }
    };
  }

  /**
   * Replies the broker may send ahead to each of {@code consumers}: between them twice the confirm
   * window, so that replies keep pace with publishing, but no more than {@link
   * #REPLY_BUFFER_NUMBERS} numbers' worth of the largest tasks; and at least two in all, so that
   * the next reply is on its way while one is handled, and one for each consumer.
   */
  static int replyPrefetch(int confirmWindow, int largestTask, int consumers) {
    int all = Math.max(2, Math.min(confirmWindow * 2, REPLY_BUFFER_NUMBERS / largestTask));
    return Math.max(1, all / consumers);
  }

  /**
   * The output, with every result's timing passed on to the sizer first, and the answers to units
   * passed to the job's coordinator.
   */
  private static ResultSink learningFrom(
      OrderedOutput output, BatchSizer sizer, HardNumberCoordinator hard) {
    return new ResultSink() {
      @Override
      public boolean accept(ResultMessage result) {
        sizer.observe(result.results().size(), result.nanos());
        return output.accept(result);
      }

      @Override
      public boolean acceptUnit(UnitResultMessage answer) {
        return hard.accept(answer);
      }

      @Override
      public void seal(SealMessage seal) {
        output.seal(seal);
      }
    };
  }

  private static void deleteReplyQueue(Connection connection, String replyQueue) {
    try (Channel channel = connection.createChannel()) {
      channel.queueDelete(replyQueue);
    } catch (IOException | TimeoutException | RuntimeException e) {
      // It expires on its own once unused.
    }
  }
}
