package io.factorfleet.worker;

import com.rabbitmq.client.AMQP;
import java.time.Duration;
import java.util.Map;

/**
 * How long a worker waits before it works on a task handed back to the task queue, its worker lost
 * or failing while holding it: RabbitMQ counts such returns in the delivered message's {@code
 * x-delivery-count}, and the wait doubles with each, 1 s for the first, at most {@link #LONGEST}. A
 * task that fails every worker that takes it so goes through the fleet spaced out, until the task
 * queue's delivery limit sends it to the dead-letter queue as before.
 */
final class HandedBack {
  /** The header in which quorum queues count a message's returns. */
  static final String DELIVERY_COUNT = "x-delivery-count";

  static final Duration FIRST = Duration.ofSeconds(1);
  static final Duration LONGEST = Duration.ofSeconds(16);

  private HandedBack() {}

  /** How many times the delivered task was handed back; 0 for a first delivery. */
  static long returns(AMQP.BasicProperties props) {
    Map<String, Object> headers = props.getHeaders();
    return headers != null && headers.get(DELIVERY_COUNT) instanceof Number n
        ? Math.max(0, n.longValue())
        : 0;
  }

  /** The wait before the task is worked on: none for a first delivery. */
  static Duration delay(long returns) {
    if (returns <= 0) {
      return Duration.ZERO;
    }
    long millis = FIRST.toMillis() << Math.min(returns - 1, 30);
    return millis >= LONGEST.toMillis() ? LONGEST : Duration.ofMillis(millis);
  }
}
