package io.factorfleet.broker;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Delivery;
import com.rabbitmq.client.Envelope;
import io.factorfleet.topology.Topology;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consumer of a {@link Subscriber}'s queue: the channel it consumes on, with its prefetch, and
 * a channel of its own in confirm mode to publish on, for answers and dead letters. It is replaced
 * whole when the broker cancels the consumer or closes the channel.
 */
public final class Subscription {
  private static final Logger log = LoggerFactory.getLogger(Subscription.class);
  private static final long DEAD_LETTER_CONFIRM_MILLIS = 10_000;

  private final Subscriber.Plan plan;
  private final Channel consuming;
  private final Channel publishing;
  private volatile String consumerTag;
  private volatile boolean cancelledByBroker;

  Subscription(Subscriber.Plan plan, Channel consuming, Channel publishing) {
    this.plan = plan;
    this.consuming = consuming;
    this.publishing = publishing;
  }

  /** The channel the messages come on; acknowledge and reject them on it. */
  public Channel channel() {
    return consuming;
  }

  /** A channel in confirm mode beside the consuming one, for what the messages produce. */
  public Channel publishingChannel() {
    return publishing;
  }

  /** Where messages nobody can process go. */
  public String deadLetterQueue() {
    return plan.deadLetterQueue();
  }

  /**
   * Whether the consumer still receives messages: its channel open, not cancelled by the broker.
   */
  public boolean isConsuming() {
    return consuming.isOpen() && !cancelledByBroker;
  }

  /**
   * The properties a message nobody can process is dead-lettered with: its own, persistent, with
   * the reason, the queue it left and the subscriber's own stamp in headers. Logs the reason.
   */
  public AMQP.BasicProperties deadLetterProperties(AMQP.BasicProperties original, String reason) {
    log.warn("dead-lettering a message from {}: {}", plan.queue(), reason);
    Map<String, Object> headers =
        original.getHeaders() == null ? new HashMap<>() : new HashMap<>(original.getHeaders());
    headers.put(Topology.REASON_HEADER, reason);
    headers.put(Topology.QUEUE_HEADER, plan.queue());
    headers.putAll(plan.stamp());
    return original.builder().headers(headers).deliveryMode(2).build();
  }

  /**
   * Moves a message to the dead-letter queue with the reason in a header, and acknowledges it once
   * the broker has confirmed the dead letter; when no confirm comes in time, hands it back to the
   * queue instead.
   *
   * @return whether the message was dead-lettered
   */
  public boolean deadLetter(Delivery delivery, String reason) throws IOException {
    long tag = delivery.getEnvelope().getDeliveryTag();
    synchronized (publishing) {
      publishing.basicPublish(
          "",
          deadLetterQueue(),
          deadLetterProperties(delivery.getProperties(), reason),
          delivery.getBody());
      try {
        publishing.waitForConfirmsOrDie(DEAD_LETTER_CONFIRM_MILLIS);
      } catch (InterruptedException | TimeoutException e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        consuming.basicNack(tag, false, true);
        return false;
      }
    }
    consuming.basicAck(tag, false);
    return true;
  }

  void consume(String tag, DeliveryHandler handler, Runnable onCancel) throws IOException {
    consumerTag =
        consuming.basicConsume(
            plan.queue(),
            false,
            tag,
            new DefaultConsumer(consuming) {
              @Override
              public void handleDelivery(
                  String consumer, Envelope envelope, AMQP.BasicProperties props, byte[] body)
                  throws IOException {
                handler.handle(new Delivery(envelope, props, body));
              }

              @Override
              public void handleCancel(String consumer) {
                cancelledByBroker = true;
                onCancel.run();
              }
            });
  }

  /** Stops the deliveries; the channels stay open, for what is in hand to be settled. */
  void cancel() {
    try {
      if (consuming.getConnection().isOpen() && consuming.isOpen() && consumerTag != null) {
        consuming.basicCancel(consumerTag);
      }
    } catch (IOException | RuntimeException e) {
      log.debug("cancel failed, the channel is going anyway: {}", e.toString());
    }
  }

  void close() {
    for (Channel channel : new Channel[] {consuming, publishing}) {
      try {
        if (channel.isOpen()) {
          channel.close();
        }
      } catch (IOException | TimeoutException | RuntimeException e) {
        abort(channel);
      }
    }
  }

  private static void abort(Channel channel) {
    try {
      channel.abort();
    } catch (IOException | RuntimeException e) {
      log.debug("abort failed, the channel is gone anyway: {}", e.toString());
    }
  }
}
