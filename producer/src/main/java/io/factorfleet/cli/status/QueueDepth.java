package io.factorfleet.cli.status;

/**
 * One queue as a passive declare over AMQP reports it, when the management API does not answer.
 *
 * @param name the queue's name
 * @param declared whether the queue exists
 * @param messages messages ready for a consumer
 * @param consumers consumers attached
 */
public record QueueDepth(String name, boolean declared, long messages, long consumers) {
  /** A queue that does not exist (yet). */
  public static QueueDepth absent(String name) {
    return new QueueDepth(name, false, 0, 0);
  }
}
