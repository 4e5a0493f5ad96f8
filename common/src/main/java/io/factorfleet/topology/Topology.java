package io.factorfleet.topology;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The queues Factor Fleet uses, and how each is declared. Every process declares what it uses, with
 * the same arguments, so that any of them can start first.
 *
 * <ul>
 *   <li>{@code tasks}: durable quorum queue the producer publishes to and workers consume; tasks
 *       that cannot be decoded, or that were delivered too often, go to {@code dead}, at least
 *       once;
 *   <li>{@code results}: durable quorum queue the aggregator service consumes; what it cannot
 *       process goes to {@code dead}, at least once;
 *   <li>{@code dead}: durable quorum queue holding what could not be processed, with the reason in
 *       a header;
 *   <li>one reply queue per {@code fleet factor} job, which expires when its CLI is gone; it
 *       dead-letters at most once, RabbitMQ's default, for at least once costs the broker a process
 *       per queue and these are many and short-lived.
 * </ul>
 *
 * <p>The task and result queues are declared on channels of their own and accept a queue declared
 * by an earlier build, as {@link Declared} tells.
 *
 * @param taskQueue name of the task queue
 * @param resultQueue name of the shared result queue
 * @param deadLetterQueue name of the dead-letter queue
 * @param deliveryLimit deliveries of one message before the broker dead-letters it
 */
public record Topology(
    String taskQueue, String resultQueue, String deadLetterQueue, int deliveryLimit) {
  public static final String DEFAULT_TASK_QUEUE = "fleet.tasks";
  public static final String DEFAULT_RESULT_QUEUE = "fleet.results";
  public static final String DEFAULT_DEAD_LETTER_QUEUE = "fleet.dead";
  public static final int DEFAULT_DELIVERY_LIMIT = 5;

  /** Header set on dead-lettered messages that this project rejects itself: why. */
  public static final String REASON_HEADER = "x-fleet-reason";

  /** Header set on dead-lettered messages that this project rejects itself: the queue left. */
  public static final String QUEUE_HEADER = "x-fleet-queue";

  /** Header set on tasks a worker dead-letters: the id of that worker. */
  public static final String WORKER_HEADER = "x-fleet-worker";

  static final String DEAD_LETTER_STRATEGY = "x-dead-letter-strategy";
  static final String OVERFLOW = "x-overflow";

  /** How a queue was found when declared. */
  public enum Declared {
    /** With the arguments of this build: new, or declared by this build before. */
    AS_ASKED,
    /**
     * As an earlier build declared it, without at-least-once dead-lettering, which RabbitMQ does
     * not let a declaration add; used as it is.
     */
    AS_EARLIER_BUILD_DID
  }

  /** A reply queue nobody consumes from is deleted after this long. */
  public static final long REPLY_QUEUE_EXPIRY_MILLIS = 30 * 60 * 1000L;

  public Topology {
    requireName(taskQueue, "task queue");
    requireName(resultQueue, "result queue");
    requireName(deadLetterQueue, "dead-letter queue");
    if (deliveryLimit < 1) {
      throw new IllegalArgumentException("delivery limit must be at least 1, got " + deliveryLimit);
    }
  }

  public static Topology defaults() {
    return new Topology(
        DEFAULT_TASK_QUEUE,
        DEFAULT_RESULT_QUEUE,
        DEFAULT_DEAD_LETTER_QUEUE,
        DEFAULT_DELIVERY_LIMIT);
  }

  /** The same topology under other names, so that tests sharing a broker do not meet. */
  public static Topology withPrefix(String prefix) {
    return new Topology(
        prefix + DEFAULT_TASK_QUEUE,
        prefix + DEFAULT_RESULT_QUEUE,
        prefix + DEFAULT_DEAD_LETTER_QUEUE,
        DEFAULT_DELIVERY_LIMIT);
  }

  /**
   * The fanout exchange of the fleet's control messages (cancels, and questions about the jobs and
   * workers of this task queue); named after the task queue, so that fleets sharing a broker under
   * other queue names do not hear each other.
   */
  public String controlExchange() {
    return taskQueue + ".control";
  }

  /**
   * Declares the control exchange: a fanout exchange that lives as long as some process has a queue
   * bound to it (it is auto-delete), so that nothing of it stays behind once the fleet is gone.
   * Control messages are about the processes running now, and none of them outlives its connection.
   */
  public void declareControlExchange(Channel channel) throws IOException {
    channel.exchangeDeclare(controlExchange(), "fanout", false, true, null);
  }

  /** The name of the reply queue of one {@code fleet factor} job. */
  public String replyQueue(String job) {
    return resultQueue + "." + job;
  }

  /** Declares the task queue, and the dead-letter queue it dead-letters to. */
  public Declared declareTaskQueue(Connection connection) throws IOException {
    declareDeadLetterQueue(connection);
    return QueueDeclaration.declare(connection, taskQueue, atLeastOnceDeadLettering());
  }

  /** Declares the result queue, and the dead-letter queue it dead-letters to. */
  public Declared declareResultQueue(Connection connection) throws IOException {
    declareDeadLetterQueue(connection);
    return QueueDeclaration.declare(connection, resultQueue, atLeastOnceDeadLettering());
  }

  /** Declares the reply queue of one job and returns its name. */
  public String declareReplyQueue(Channel channel, String job) throws IOException {
    declareDeadLetterQueue(channel);
    Map<String, Object> arguments = new HashMap<>(deadLettering());
    arguments.put("x-expires", REPLY_QUEUE_EXPIRY_MILLIS);
    String name = replyQueue(job);
    channel.queueDeclare(name, true, false, false, arguments);
    return name;
  }

  public void declareDeadLetterQueue(Connection connection) throws IOException {
    QueueDeclaration.declare(connection, deadLetterQueue, Map.of("x-queue-type", "quorum"));
  }

  public void declareDeadLetterQueue(Channel channel) throws IOException {
    channel.queueDeclare(deadLetterQueue, true, false, false, Map.of("x-queue-type", "quorum"));
  }

  /**
   * A durable quorum queue whose messages go to the dead-letter queue when rejected, or when
   * delivered more than the delivery limit allows, so that nothing loops forever.
   */
  private Map<String, Object> deadLettering() {
    return Map.of(
        "x-queue-type",
        "quorum",
        "x-delivery-limit",
        deliveryLimit,
        "x-dead-letter-exchange",
        "",
        "x-dead-letter-routing-key",
        deadLetterQueue);
  }

  /**
   * Dead-lettering as above, at least once: the queue keeps a dead-lettered message until the
   * dead-letter queue has confirmed it, where at most once it may be lost in between (a node
   * failing, the dead-letter queue unavailable). RabbitMQ 3.10 and later offer it on quorum queues
   * with the {@code stream_queue} feature flag on, and only with the {@code reject-publish}
   * overflow: no length limit is set, so nothing is ever refused for it.
   */
  Map<String, Object> atLeastOnceDeadLettering() {
    Map<String, Object> arguments = new HashMap<>(deadLettering());
    arguments.put(DEAD_LETTER_STRATEGY, "at-least-once");
    arguments.put(OVERFLOW, "reject-publish");
    return arguments;
  }

  private static void requireName(String name, String what) {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new IllegalArgumentException(what + " name must be 1 to 200 characters");
    }
  }
}
