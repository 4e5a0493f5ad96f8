package io.factorfleet.broker;

import com.rabbitmq.client.Delivery;
import java.io.IOException;

/**
 * What a {@link Subscriber} does with each message of one {@link Subscription}, on the RabbitMQ
 * client's thread for that subscription's channel.
 */
@FunctionalInterface
public interface DeliveryHandler {
  /**
   * Handles one message. It is acknowledged, rejected or dead-lettered through the subscription it
   * came from, now or later. An exception thrown here makes the RabbitMQ client close that
   * subscription's channel, and its unacknowledged messages go back to the queue.
   */
  void handle(Delivery delivery) throws IOException;

  /**
   * Makes the handler of each new subscription, once its channels are open and before it consumes.
   */
  @FunctionalInterface
  interface Factory {
    DeliveryHandler forSubscription(Subscription subscription) throws IOException;
  }
}
