package io.factorfleet.topology;

import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The queues Factor Fleet uses, and how each is declared. Every process declares what it uses, with
 * the same arguments, so that any of them can start first.
 *
 * <ul>
 *   <li>{@code tasks}: durable quorum queue the producer publishes to and workers consume; tasks
 *       that cannot be decoded, or that were delivered too often, go to {@code dead};
 *   <li>{@code results}: durable quorum queue the aggregator service consumes;
 *   <li>{@code dead}: durable quorum queue holding what could not be processed, with the reason in
 *       a header;
 *   <li>one reply queue per {@code fleet factor} job, which expires when its CLI is gone.
 * </ul>
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

  /** Header set on dead-lettered messages that this project rejects itself. */
  public static final String REASON_HEADER = "x-fleet-reason";

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

  /** The name of the reply queue of one {@code fleet factor} job. */
  public String replyQueue(String job) {
    return resultQueue + "." + job;
  }

  public void declareTaskQueue(Channel channel) throws IOException {
    declareDeadLetterQueue(channel);
    channel.queueDeclare(taskQueue, true, false, false, deadLetteringQuorumQueue());
  }

  public void declareResultQueue(Channel channel) throws IOException {
    declareDeadLetterQueue(channel);
    channel.queueDeclare(resultQueue, true, false, false, deadLetteringQuorumQueue());
  }

  /** Declares the reply queue of one job and returns its name. */
  public String declareReplyQueue(Channel channel, String job) throws IOException {
    declareDeadLetterQueue(channel);
    Map<String, Object> arguments = new HashMap<>(deadLetteringQuorumQueue());
    arguments.put("x-expires", REPLY_QUEUE_EXPIRY_MILLIS);
    String name = replyQueue(job);
    channel.queueDeclare(name, true, false, false, arguments);
    return name;
  }

  public void declareDeadLetterQueue(Channel channel) throws IOException {
    channel.queueDeclare(deadLetterQueue, true, false, false, Map.of("x-queue-type", "quorum"));
  }

  /**
   * A durable quorum queue whose messages go to the dead-letter queue when rejected, or when
   * delivered more than the delivery limit allows, so that nothing loops forever.
   */
  private Map<String, Object> deadLetteringQuorumQueue() {
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

  private static void requireName(String name, String what) {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new IllegalArgumentException(what + " name must be 1 to 200 characters");
    }
  }
}
