package io.factorfleet.aggregator;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import io.factorfleet.broker.ReconnectBackoff;
import io.factorfleet.metrics.FleetMetrics;
import io.factorfleet.topology.Topology;
import io.factorfleet.wire.WireFormatException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds an {@link Aggregator} from a reply queue. A message is acknowledged once the sink has
 * recorded it; one that cannot be read or placed goes to the dead-letter queue with the reason in a
 * header; one the sink failed to record goes back to the queue.
 *
 * <p>It may consume the queue through several channels at once, each with a consumer of its own:
 * the RabbitMQ client hands each channel's deliveries to a thread of its pool, so that replies are
 * decoded and verified on as many cores as there are consumers. The sink sees replies from any of
 * those threads, in any order.
 *
 * <p>A lost connection is recovered by the client with this consumer; a channel the broker closes
 * on its own, or a consumer it cancels, is subscribed again here.
 *
 * <p>{@link #close()} lets the replies in hand be recorded and acknowledged before the channels
 * close; replies delivered after that are left unacknowledged and go back to the queue.
 */
public final class ReplyConsumer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ReplyConsumer.class);
  private static final long DEAD_LETTER_CONFIRM_MILLIS = 10_000;

  private final Connection connection;
  private final Aggregator aggregator;
  private final Topology topology;
  private final String queue;
  private final int prefetch;
  private final FleetMetrics metrics;
  private final AtomicLong deadLettered = new AtomicLong();
  private final Subscription[] subscriptions;
  private volatile boolean closed;

  /**
   * Held shared while a reply is handled and exclusively by {@link #close()}, so that closing waits
   * for the replies in hand.
   */
  private final ReentrantReadWriteLock handling = new ReentrantReadWriteLock();

  /**
   * Starts one consumer on {@code queue}, which must exist.
   *
   * @param prefetch unacknowledged replies the broker may send ahead
   */
  public ReplyConsumer(
      Connection connection, Topology topology, String queue, int prefetch, Aggregator aggregator)
      throws IOException {
    this(connection, topology, queue, 1, prefetch, aggregator, FleetMetrics.NONE);
  }

  /**
   * Starts consuming {@code queue}, which must exist, counting dead letters in {@code metrics}.
   *
   * @param consumers how many consumers, each on a channel of its own, handle replies at once
   * @param prefetch unacknowledged replies the broker may send ahead to each consumer
   */
  public ReplyConsumer(
      Connection connection,
      Topology topology,
      String queue,
      int consumers,
      int prefetch,
      Aggregator aggregator,
      FleetMetrics metrics)
      throws IOException {
    if (consumers < 1) {
      throw new IllegalArgumentException("at least one consumer is needed, got " + consumers);
    }
    this.metrics = metrics;
    this.connection = connection;
    this.aggregator = aggregator;
    this.topology = topology;
    this.queue = queue;
    this.prefetch = prefetch;
    this.subscriptions = new Subscription[consumers];
    for (int i = 0; i < consumers; i++) {
      subscribe(i);
    }
  }

  public long deadLettered() {
    return deadLettered.get();
  }

  /** Whether replies are being consumed right now, by every consumer. */
  public boolean isConsuming() {
    if (closed || !connection.isOpen()) {
      return false;
    }
    for (int i = 0; i < subscriptions.length; i++) {
      if (!isConsuming(i)) {
        return false;
      }
    }
    return true;
  }

  private boolean isConsuming(int slot) {
    Subscription current = subscriptions[slot];
    return current != null && current.consuming.isOpen() && !current.cancelledByBroker;
  }

  /** One consumer of the queue: its channel, and a channel of its own for dead letters. */
  private static final class Subscription {
    final Channel consuming;
    final Channel deadLetters;
    volatile String consumerTag;
    volatile boolean cancelledByBroker;

    Subscription(Channel consuming, Channel deadLetters) {
      this.consuming = consuming;
      this.deadLetters = deadLetters;
    }
  }

  private synchronized void subscribe(int slot) throws IOException {
    Channel consuming = connection.createChannel();
    Channel deadLetters = connection.createChannel();
    deadLetters.confirmSelect();
    consuming.basicQos(prefetch);
    consuming.addShutdownListener(cause -> channelClosed(slot, cause));
    Subscription subscription = new Subscription(consuming, deadLetters);
    subscriptions[slot] = subscription;
    subscription.consumerTag =
        consuming.basicConsume(
            queue,
            false,
            new DefaultConsumer(consuming) {
              @Override
              public void handleDelivery(
                  String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body)
                  throws IOException {
                handle(consuming, deadLetters, envelope.getDeliveryTag(), props, body);
              }

              @Override
              public void handleCancel(String tag) {
                subscription.cancelledByBroker = true;
                resubscribeLater(slot, "the broker cancelled a consumer of " + queue);
              }
            });
  }

  private void channelClosed(int slot, ShutdownSignalException cause) {
    if (!cause.isHardError() && !cause.isInitiatedByApplication()) {
      resubscribeLater(slot, "the broker closed a channel: " + cause.getMessage());
    }
  }

  private void resubscribeLater(int slot, String why) {
    if (closed) {
      return;
    }
    log.warn("subscribing to {} again: {}", queue, why);
    ReconnectBackoff backoff = new ReconnectBackoff();
    Thread retry =
        new Thread(
            () -> {
              int failures = 0;
              while (!closed && !(connection.isOpen() && isConsuming(slot))) {
                try {
                  Thread.sleep(backoff.delay(failures++).toMillis());
                  subscribe(slot);
                } catch (InterruptedException e) {
                  return;
                } catch (IOException | RuntimeException e) {
                  log.warn("could not subscribe to {} again: {}", queue, e.getMessage());
                }
              }
            },
            "resubscribe-" + queue);
    retry.setDaemon(true);
    retry.start();
  }

  private void handle(
      Channel consuming, Channel deadLetters, long tag, AMQP.BasicProperties props, byte[] body)
      throws IOException {
    handling.readLock().lock();
    try {
      if (closed) {
        return; // unacknowledged, it goes back to the queue when the channel closes
      }
      aggregator.handle(props.getType(), body);
      consuming.basicAck(tag, false);
    } catch (WireFormatException | ResultSink.UnknownTaskException e) {
      deadLetter(consuming, deadLetters, tag, props, body, e.getMessage());
    } catch (IOException | RuntimeException e) {
      log.error("could not record a reply from {}; it goes back to the queue", queue, e);
      consuming.basicNack(tag, false, true);
    } finally {
      handling.readLock().unlock();
    }
  }

  private void deadLetter(
      Channel consuming,
      Channel deadLetters,
      long tag,
      AMQP.BasicProperties original,
      byte[] body,
      String reason)
      throws IOException {
    log.warn("dead-lettering a message from {}: {}", queue, reason);
    Map<String, Object> headers =
        original.getHeaders() == null ? new HashMap<>() : new HashMap<>(original.getHeaders());
    headers.put(Topology.REASON_HEADER, reason);
    headers.put("x-fleet-queue", queue);
    deadLetters.basicPublish(
        "",
        topology.deadLetterQueue(),
        original.builder().headers(headers).deliveryMode(2).build(),
        body);
    try {
      deadLetters.waitForConfirmsOrDie(DEAD_LETTER_CONFIRM_MILLIS);
    } catch (InterruptedException | TimeoutException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      consuming.basicNack(tag, false, true);
      return;
    }
    deadLettered.incrementAndGet();
    metrics.replyDeadLettered();
    consuming.basicAck(tag, false);
  }

  @Override
  public void close() throws IOException {
    closed = true;
    for (Subscription subscription : subscriptions) {
      try {
        if (connection.isOpen() && subscription.consuming.isOpen()) {
          subscription.consuming.basicCancel(subscription.consumerTag);
        }
      } catch (IOException | RuntimeException e) {
        subscription.consuming.abort();
      }
    }
    awaitRepliesInHand();
    for (Subscription subscription : subscriptions) {
      try {
        if (subscription.consuming.isOpen()) {
          subscription.consuming.close();
        }
        if (subscription.deadLetters.isOpen()) {
          subscription.deadLetters.close();
        }
      } catch (TimeoutException | RuntimeException e) {
        subscription.consuming.abort();
        subscription.deadLetters.abort();
      }
    }
  }

  /**
   * Waits until the replies being handled, if any, are recorded and acknowledged; those that come
   * after see {@code closed} and are left alone.
   */
  private void awaitRepliesInHand() {
    handling.writeLock().lock();
    handling.writeLock().unlock();
  }
}
