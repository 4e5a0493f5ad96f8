package io.factorfleet.topology;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The broker's refusal to declare a queue that exists with another value of one argument, as
 * RabbitMQ words it: {@code PRECONDITION_FAILED - inequivalent arg 'x-overflow' for queue 'q' in
 * vhost '/': received ... but current is ...}.
 *
 * @param queue the queue's name
 * @param argument the first argument found different, such as {@code x-overflow}
 * @param detail the value declared and the value the queue has, in the broker's words
 */
record InequivalentArgument(String queue, String argument, String detail) {
  private static final int PRECONDITION_FAILED = 406;
  private static final Pattern TEXT =
      Pattern.compile(
          "PRECONDITION_FAILED - inequivalent arg '([^']*)' for queue '(.*)' in vhost '[^']*': (.*)");

  /** The refusal behind a failed declaration, if that is what it was. */
  static Optional<InequivalentArgument> of(IOException failure) {
    if (!(failure.getCause() instanceof ShutdownSignalException signal)
        || !(signal.getReason() instanceof AMQP.Channel.Close close)
        || close.getReplyCode() != PRECONDITION_FAILED) {
      return Optional.empty();
    }
    Matcher m = TEXT.matcher(close.getReplyText());
    return m.matches()
        ? Optional.of(new InequivalentArgument(m.group(2), m.group(1), m.group(3)))
        : Optional.empty();
  }
}
