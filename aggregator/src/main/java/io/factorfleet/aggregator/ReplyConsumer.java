package io.factorfleet.aggregator;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Delivery;
import io.factorfleet.topology.Topology;
import io.factorfleet.wire.WireFormatException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds an {@link Aggregator} from a reply queue. A message is acknowledged once the sink has
 * recorded it; one that cannot be read or placed goes to the dead-letter queue with the reason in a
 * header; one the sink failed to record goes back to the queue.
 */
public final class ReplyConsumer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ReplyConsumer.class);
  private static final long DEAD_LETTER_CONFIRM_MILLIS = 10_000;

  private final Aggregator aggregator;
  private final Topology topology;
  private final String queue;
  private final Channel channel;
  private final Channel deadLetterChannel;
  private final AtomicLong deadLettered = new AtomicLong();
  private final String consumerTag;

  /**
   * Starts consuming {@code queue}, which must exist.
   *
   * @param prefetch unacknowledged replies the broker may send ahead
   */
  public ReplyConsumer(
      Connection connection, Topology topology, String queue, int prefetch, Aggregator aggregator)
      throws IOException {
    this.aggregator = aggregator;
    this.topology = topology;
    this.queue = queue;
    this.channel = connection.createChannel();
    this.deadLetterChannel = connection.createChannel();
    deadLetterChannel.confirmSelect();
    channel.basicQos(prefetch);
    this.consumerTag =
        channel.basicConsume(
            queue,
            false,
            (tag, delivery) -> handle(delivery),
            tag -> log.warn("the broker cancelled the consumer of {}", queue));
  }

  public long deadLettered() {
    return deadLettered.get();
  }

  private void handle(Delivery delivery) throws IOException {
    long tag = delivery.getEnvelope().getDeliveryTag();
    try {
      aggregator.handle(delivery.getProperties().getType(), delivery.getBody());
      channel.basicAck(tag, false);
    } catch (WireFormatException | ResultSink.UnknownTaskException e) {
      deadLetter(delivery, e.getMessage());
    } catch (IOException | RuntimeException e) {
      log.error("could not record a reply from {}; it goes back to the queue", queue, e);
      channel.basicNack(tag, false, true);
    }
  }

  private void deadLetter(Delivery delivery, String reason) throws IOException {
    log.warn("dead-lettering a message from {}: {}", queue, reason);
    AMQP.BasicProperties original = delivery.getProperties();
    Map<String, Object> headers =
        original.getHeaders() == null ? new HashMap<>() : new HashMap<>(original.getHeaders());
    headers.put(Topology.REASON_HEADER, reason);
    headers.put("x-fleet-queue", queue);
    deadLetterChannel.basicPublish(
        "",
        topology.deadLetterQueue(),
        original.builder().headers(headers).deliveryMode(2).build(),
        delivery.getBody());
    try {
      deadLetterChannel.waitForConfirmsOrDie(DEAD_LETTER_CONFIRM_MILLIS);
    } catch (InterruptedException | TimeoutException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      channel.basicNack(delivery.getEnvelope().getDeliveryTag(), false, true);
      return;
    }
    deadLettered.incrementAndGet();
    channel.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
  }

  @Override
  public void close() throws IOException {
    try {
      if (channel.isOpen()) {
        channel.basicCancel(consumerTag);
        channel.close();
      }
      if (deadLetterChannel.isOpen()) {
        deadLetterChannel.close();
      }
    } catch (TimeoutException | RuntimeException e) {
      channel.abort();
      deadLetterChannel.abort();
    }
  }
}
