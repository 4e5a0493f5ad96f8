package io.factorfleet.topology;

import io.factorfleet.broker.BrokerUnavailableException;
import java.io.IOException;

/**
 * A queue exists with other arguments than Factor Fleet declares it with, and the broker refused
 * the declaration. The message is one line saying which queue and argument, and what to do.
 */
public final class QueueMismatchException extends IOException {
  QueueMismatchException(InequivalentArgument refusal, Throwable cause) {
    super(
        "queue '"
            + refusal.queue()
            + "' exists with other arguments than this Factor Fleet declares ("
            + refusal.argument()
            + ": "
            + refusal.detail()
            + "): give every process the same queue settings, or delete the queue once it is"
            + " empty (rabbitmqctl delete_queue '"
            + refusal.queue()
            + "') so that it is declared anew",
        cause);
  }

  /** The same message as the broker's refusal that a command reports and exits on. */
  public BrokerUnavailableException asRefusal() {
    return new BrokerUnavailableException(getMessage(), this);
  }
}
