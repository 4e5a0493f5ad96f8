package io.factorfleet.worker;

import com.rabbitmq.client.AMQP;
import io.factorfleet.topology.Topology;
import java.util.HashMap;
import java.util.Map;

/**
 * A task handed back to the task queue: its worker was lost, or failed, while holding it. The
 * broker counts such returns in {@code x-delivery-count}; the retries a worker already spaced out
 * are in {@link Topology#RETRIES_HEADER}, since a task coming back from a retry queue is a new
 * message to the task queue, its count at 0 again.
 *
 * @param times how many times the task was handed back in all
 */
record HandedBack(long times) {
  /** The header in which quorum queues count a message's returns. */
  static final String DELIVERY_COUNT = "x-delivery-count";

  /** How often the delivered task was handed back, or null when this is not a return. */
  static HandedBack of(AMQP.BasicProperties props) {
    Map<String, Object> headers = props.getHeaders();
    long returns = count(headers, DELIVERY_COUNT);
    return returns <= 0 ? null : new HandedBack(returns + count(headers, Topology.RETRIES_HEADER));
  }

  /** Whether the task has been handed back as often as the delivery limit allows. */
  boolean exhausted(Topology topology) {
    return times >= topology.deliveryLimit();
  }

  /** The retry this is, 1 for the first: it picks the retry queue, and so the delay. */
  int retry() {
    return (int) times;
  }

  /**
   * The task's properties for its retry queue: the retries counted, the broker's count left out,
   * for it starts again at the task queue.
   */
  AMQP.BasicProperties forRetry(AMQP.BasicProperties props) {
    Map<String, Object> headers = new HashMap<>(props.getHeaders());
    headers.remove(DELIVERY_COUNT);
    headers.put(Topology.RETRIES_HEADER, times);
    return props.builder().headers(headers).deliveryMode(2).build();
  }

  String reason() {
    return "handed back "
        + times
        + " times (its workers were lost or failed while holding it), the delivery limit";
  }

  private static long count(Map<String, Object> headers, String name) {
    return headers != null && headers.get(name) instanceof Number n ? n.longValue() : 0;
  }
}
