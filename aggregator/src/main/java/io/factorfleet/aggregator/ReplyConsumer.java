package io.factorfleet.aggregator;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import io.factorfleet.metrics.FleetMetrics;
import io.factorfleet.topology.Topology;
import io.factorfleet.wire.WireFormatException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds an {@link Aggregator} from a reply queue. A message is acknowledged once the sink has
 * recorded it; one that cannot be read or placed goes to the dead-letter queue with the reason in a
 * header; one the sink failed to record goes back to the queue.
 *
 * <p>A lost connection is recovered by the client with this consumer; a channel the broker closes
 * on its own, or a consumer it cancels, is subscribed again here.
 *
 * <p>{@link #close()} lets the reply in hand be recorded and acknowledged before the channel
 * closes; replies delivered after that are left unacknowledged and go back to the queue.
 */
public final class ReplyConsumer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ReplyConsumer.class);
  private static final long DEAD_LETTER_CONFIRM_MILLIS = 10_000;
  private static final long RESUBSCRIBE_DELAY_MILLIS = 2_000;

  private final Connection connection;
  private final Aggregator aggregator;
  private final Topology topology;
  private final String queue;
  private final int prefetch;
  private final FleetMetrics metrics;
  private final AtomicLong deadLettered = new AtomicLong();
  private volatile Channel channel;
  private volatile Channel deadLetterChannel;
  private volatile String consumerTag;
  private volatile boolean cancelledByBroker;
  private volatile boolean closed;

  /** Held while a reply is handled, so that closing waits for the one in hand. */
  private final ReentrantLock handling = new ReentrantLock();

  /**
   * Starts consuming {@code queue}, which must exist.
   *
   * @param prefetch unacknowledged replies the broker may send ahead
   */
  public ReplyConsumer(
      Connection connection, Topology topology, String queue, int prefetch, Aggregator aggregator)
      throws IOException {
    this(connection, topology, queue, prefetch, aggregator, FleetMetrics.NONE);
  }

  /**
   * Starts consuming {@code queue}, which must exist, counting dead letters in {@code metrics}.
   *
   * @param prefetch unacknowledged replies the broker may send ahead
   */
  public ReplyConsumer(
      Connection connection,
      Topology topology,
      String queue,
      int prefetch,
      Aggregator aggregator,
      FleetMetrics metrics)
      throws IOException {
    this.metrics = metrics;
    this.connection = connection;
    this.aggregator = aggregator;
    this.topology = topology;
    this.queue = queue;
    this.prefetch = prefetch;
    subscribe();
  }

  public long deadLettered() {
    return deadLettered.get();
  }

  /** Whether replies are being consumed right now. */
  public boolean isConsuming() {
    Channel current = channel;
    return !closed && connection.isOpen() && current.isOpen() && !cancelledByBroker;
  }

  private synchronized void subscribe() throws IOException {
    Channel consuming = connection.createChannel();
    Channel deadLetters = connection.createChannel();
    deadLetters.confirmSelect();
    consuming.basicQos(prefetch);
    consuming.addShutdownListener(this::channelClosed);
    cancelledByBroker = false;
    channel = consuming;
    deadLetterChannel = deadLetters;
    consumerTag =
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
                cancelledByBroker = true;
                resubscribeLater("the broker cancelled the consumer of " + queue);
              }
            });
  }

  private void channelClosed(ShutdownSignalException cause) {
    if (!cause.isHardError() && !cause.isInitiatedByApplication()) {
      resubscribeLater("the broker closed the channel: " + cause.getMessage());
    }
  }

  private void resubscribeLater(String why) {
    if (closed) {
      return;
    }
    log.warn("subscribing to {} again: {}", queue, why);
    Thread retry =
        new Thread(
            () -> {
              while (!closed && !isConsuming()) {
                try {
                  Thread.sleep(RESUBSCRIBE_DELAY_MILLIS);
                  subscribe();
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
    handling.lock();
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
      handling.unlock();
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
    Channel consuming = channel;
    Channel deadLetters = deadLetterChannel;
    try {
      if (connection.isOpen() && consuming.isOpen()) {
        consuming.basicCancel(consumerTag);
        awaitReplyInHand();
        consuming.close();
      }
      if (deadLetters.isOpen()) {
        deadLetters.close();
      }
    } catch (TimeoutException | RuntimeException e) {
      consuming.abort();
      deadLetters.abort();
    }
  }

  /**
   * Waits until the reply being handled, if any, is recorded and acknowledged; those that come
   * after see {@code closed} and are left alone.
   */
  private void awaitReplyInHand() {
    handling.lock();
    handling.unlock();
  }
}
