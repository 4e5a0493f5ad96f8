package io.factorfleet.aggregator;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Delivery;
import io.factorfleet.broker.Subscriber;
import io.factorfleet.broker.Subscription;
import io.factorfleet.metrics.FleetMetrics;
import io.factorfleet.topology.Topology;
import io.factorfleet.wire.WireFormatException;
import java.io.IOException;
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
 * on its own, or a consumer it cancels, is subscribed again by the {@link Subscriber}.
 *
 * <p>{@link #close()} lets the replies in hand be recorded and acknowledged before the channels
 * close; replies delivered after that are left unacknowledged and go back to the queue.
 */
public final class ReplyConsumer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ReplyConsumer.class);

  private final Aggregator aggregator;
  private final FleetMetrics metrics;
  private final AtomicLong deadLettered = new AtomicLong();
  private final Subscriber subscriber;
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
    this.aggregator = aggregator;
    this.metrics = metrics;
    this.subscriber =
        Subscriber.to(queue)
            .withConsumers(consumers)
            .withPrefetch(prefetch)
            .deadLetteringTo(topology.deadLetterQueue())
            .start(connection, subscription -> delivery -> handle(subscription, delivery));
  }

  public long deadLettered() {
    return deadLettered.get();
  }

  /** Whether replies are being consumed right now, by every consumer. */
  public boolean isConsuming() {
    return !closed && subscriber.isConsuming();
  }

  private void handle(Subscription from, Delivery delivery) throws IOException {
    long tag = delivery.getEnvelope().getDeliveryTag();
    handling.readLock().lock();
    try {
      if (closed) {
        return; // unacknowledged, it goes back to the queue when the channel closes
      }
      aggregator.handle(delivery.getProperties().getType(), delivery.getBody());
      from.channel().basicAck(tag, false);
    } catch (WireFormatException | ResultSink.UnknownTaskException e) {
      if (from.deadLetter(delivery, e.getMessage())) {
        deadLettered.incrementAndGet();
        metrics.replyDeadLettered();
      }
    } catch (IOException | RuntimeException e) {
      log.error(
          "could not record a reply from {}; it goes back to the queue", subscriber.queue(), e);
      from.channel().basicNack(tag, false, true);
    } finally {
      handling.readLock().unlock();
    }
  }

  @Override
  public void close() {
    closed = true;
    subscriber.cancel();
    awaitRepliesInHand();
    subscriber.close();
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
