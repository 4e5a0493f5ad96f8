package io.factorfleet.cli;

import com.rabbitmq.client.Connection;
import io.factorfleet.broker.BrokerConnector;
import io.factorfleet.broker.BrokerUnavailableException;
import io.factorfleet.control.ControlChannel;
import io.factorfleet.settings.BrokerOptions;
import io.factorfleet.topology.Topology;
import io.factorfleet.wire.ControlMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * How {@code fleet jobs} and {@code fleet cancel} ask the fleet's processes over the control
 * exchange, and how long they listen for the answers.
 */
final class ControlOptions {
  @Option(
      names = "--answer-wait",
      paramLabel = "DURATION",
      defaultValue = "PT1S",
      description =
          "How long to listen for the answers of the jobs in flight; a job whose command line is"
              + " too busy to answer in time is left out"
              + " (env FLEET_ANSWER_WAIT, default: ${DEFAULT-VALUE}).")
  Duration answerWait;

  /** Where to ask and how long to listen, checked once. */
  record Asking(Topology topology, BrokerConnector connector, Duration answerWait) {
    /**
     * Opens a connection, sends {@code question} to every process with this one's queue to answer
     * to, and gathers the answers that {@code wanted} takes until the answer wait is over, or
     * {@code settle} after the first answer when that is sooner.
     */
    <T extends ControlMessage> List<T> ask(
        String connectionName,
        ControlMessage question,
        Class<T> answer,
        Predicate<T> wanted,
        Duration settle)
        throws IOException, InterruptedException, BrokerUnavailableException {
      List<T> answers = new ArrayList<>();
      try (Connection connection = connector.open(connectionName);
          ControlChannel control =
              ControlChannel.open(
                  connection,
                  topology,
                  (message, replyTo) -> {
                    if (answer.isInstance(message) && wanted.test(answer.cast(message))) {
                      synchronized (answers) {
                        answers.add(answer.cast(message));
                        answers.notifyAll();
                      }
                    }
                  })) {
        control.ask(question);
        // The answers come from processes that do not say how many they are.
        long deadline = System.nanoTime() + answerWait.toNanos();
        boolean settling = false;
        synchronized (answers) {
          for (long left = answerWait.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            if (!settling && !answers.isEmpty()) {
              settling = true;
              deadline = Math.min(deadline, System.nanoTime() + settle.toNanos());
              continue;
            }
            TimeUnit.NANOSECONDS.timedWait(answers, left);
          }
          return new ArrayList<>(answers);
        }
      }
    }
  }

  /**
   * @throws ParameterException when the broker options or the wait are not valid
   */
  Asking asking(BrokerOptions brokerOptions, CommandSpec spec) {
    try {
      if (answerWait.isNegative()
          || answerWait.isZero()
          || answerWait.compareTo(Duration.ofMinutes(1)) > 0) {
        throw new IllegalArgumentException(
            "answer wait must be over 0 and at most PT1M, got " + answerWait);
      }
      return new Asking(
          brokerOptions.topology(), new BrokerConnector(brokerOptions.broker()), answerWait);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }
}
