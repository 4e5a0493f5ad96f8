package io.factorfleet.worker;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConfirmListener;
import io.factorfleet.metrics.FleetMetrics;
import java.io.IOException;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Publishes what a delivery produced and acknowledges the delivery only once the broker has
 * confirmed the publication, so a crash at any point loses nothing: an unconfirmed result means an
 * unacknowledged task, which the broker delivers again.
 *
 * <p>Delivery tags are only valid on the channel incarnation that issued them. When the consuming
 * channel closes (and is later recovered), every pending entry is dropped and work started before
 * the close is neither published nor acknowledged: the broker redelivers it.
 */
final class AckAfterConfirm implements ConfirmListener {
  private final Channel publishChannel;
  private final Channel consumeChannel;
  private final FleetMetrics metrics;
  private final NavigableMap<Long, Long> deliveryTagBySequence = new TreeMap<>();
  private long generation;

  AckAfterConfirm(Channel publishChannel, Channel consumeChannel, FleetMetrics metrics)
      throws IOException {
    this.publishChannel = publishChannel;
    this.consumeChannel = consumeChannel;
    this.metrics = metrics;
    publishChannel.confirmSelect();
    publishChannel.addConfirmListener(this);
    publishChannel.addShutdownListener(cause -> requeuePending());
    consumeChannel.addShutdownListener(cause -> forgetPending());
  }

  /** The current channel incarnation; pass it back with the delivery's tag. */
  synchronized long generation() {
    return generation;
  }

  /**
   * Publishes {@code body} and acknowledges {@code deliveryTag} once it is confirmed. Does nothing
   * when the channel that delivered the tag has closed since.
   */
  synchronized void publishThenAck(
      long deliveryGeneration,
      long deliveryTag,
      String routingKey,
      AMQP.BasicProperties properties,
      byte[] body)
      throws IOException {
    if (deliveryGeneration != generation) {
      return;
    }
    long sequence = publishChannel.getNextPublishSeqNo();
    deliveryTagBySequence.put(sequence, deliveryTag);
    publishChannel.basicPublish("", routingKey, properties, body);
  }

  /**
   * Acknowledges a delivery that needs no answer (a task of a cancelled job), unless the channel
   * that delivered it has closed since.
   */
  synchronized void ackIfCurrent(long deliveryGeneration, long deliveryTag) throws IOException {
    if (deliveryGeneration == generation) {
      consumeChannel.basicAck(deliveryTag, false);
      metrics.taskAcked();
    }
  }

  /** Hands a delivery back to the queue, unless the channel that delivered it has closed since. */
  synchronized void nackIfCurrent(long deliveryGeneration, long deliveryTag) throws IOException {
    if (deliveryGeneration == generation) {
      consumeChannel.basicNack(deliveryTag, false, true);
      metrics.taskRequeued();
    }
  }

  /** Publications not yet confirmed. */
  synchronized int pending() {
    return deliveryTagBySequence.size();
  }

  /** Waits until every publication is confirmed, or the timeout passes. */
  synchronized boolean awaitConfirmed(long timeout, TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    while (!deliveryTagBySequence.isEmpty()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  @Override
  public synchronized void handleAck(long sequence, boolean multiple) throws IOException {
    for (long tag : settle(sequence, multiple).values()) {
      consumeChannel.basicAck(tag, false);
      metrics.taskAcked();
    }
  }

  /** The broker could not take the publication: give the task back to be tried again. */
  @Override
  public synchronized void handleNack(long sequence, boolean multiple) throws IOException {
    for (long tag : settle(sequence, multiple).values()) {
      consumeChannel.basicNack(tag, false, true);
      metrics.taskRequeued();
    }
  }

  /**
   * The publishing channel closed, so confirms for what is pending will never come: hand those
   * tasks back while their delivery tags are still valid.
   */
  private synchronized void requeuePending() {
    Map<Long, Long> pending = new TreeMap<>(deliveryTagBySequence);
    deliveryTagBySequence.clear();
    notifyAll();
    if (!consumeChannel.isOpen()) {
      return;
    }
    for (long tag : pending.values()) {
      try {
        consumeChannel.basicNack(tag, false, true);
        metrics.taskRequeued();
      } catch (IOException | RuntimeException e) {
        return; // the consuming channel is closing too; the broker requeues on its own
      }
    }
  }

  private Map<Long, Long> settle(long sequence, boolean multiple) {
    NavigableMap<Long, Long> settled =
        multiple
            ? deliveryTagBySequence.headMap(sequence, true)
            : deliveryTagBySequence.subMap(sequence, true, sequence, true);
    Map<Long, Long> copy = new TreeMap<>(settled);
    settled.clear();
    notifyAll();
    return copy;
  }

  private synchronized void forgetPending() {
    generation++;
    deliveryTagBySequence.clear();
    notifyAll();
  }
}
