package io.factorfleet.aggregator.service;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Delivery;
import io.factorfleet.aggregator.Aggregator;
import io.factorfleet.aggregator.service.SpoolEntry.Recording;
import io.factorfleet.broker.Subscriber;
import io.factorfleet.broker.Subscription;
import io.factorfleet.metrics.FleetMetrics;
import io.factorfleet.wire.WireFormatException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the result queue for the service with group commit. Each consumer, on a channel and a
 * thread of its own, reads, verifies and formats its replies and hands them to one committer
 * thread. The committer takes every reply that has come in since its last batch (at most the
 * prefetch of all consumers), records them in the {@link SpoolDirectory}, where they are made
 * durable with one force per job, and only then acknowledges them: one {@code basic.ack} with
 * {@code multiple} per channel. So a reply is durable before it is acknowledged, a batch costs one
 * force whatever its size, and while one batch is forced the next one gathers.
 *
 * <p>A reply that cannot be read goes to the dead-letter queue from its consumer's thread; one the
 * spool refuses (no such task in its job), from the committer's, before the batch's
 * acknowledgement. When a batch cannot be made durable, each of its replies goes back to the queue.
 */
final class GroupCommitConsumer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GroupCommitConsumer.class);

  private final Aggregator aggregator;
  private final SpoolDirectory spool;
  private final FleetMetrics metrics;
  private final int maxBatch;
  private final BlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
  private final AtomicLong deadLettered = new AtomicLong();
  private final AtomicLong batches = new AtomicLong();
  private final Thread committer;
  private final Subscriber subscriber;
  private volatile boolean closed;
  private volatile boolean stopCommitting;

  /**
   * Held shared while a reply is read and handed over, and exclusively by {@link #close()}, so that
   * closing waits for the replies in hand.
   */
  private final ReentrantReadWriteLock handling = new ReentrantReadWriteLock();

  /** A reply read and formatted, waiting for its batch. */
  private record Pending(Subscription from, Delivery delivery, SpoolEntry entry) {}

  /**
   * Starts the committer, then the consumers of {@code queue}, which must exist.
   *
   * @param consumers consumers, each on a channel and thread of its own
   * @param prefetch unacknowledged replies the broker may send ahead to each consumer
   */
  GroupCommitConsumer(
      Connection connection,
      String queue,
      String deadLetterQueue,
      int consumers,
      int prefetch,
      Aggregator aggregator,
      SpoolDirectory spool,
      FleetMetrics metrics)
      throws IOException {
    this.aggregator = aggregator;
    this.spool = spool;
    this.metrics = metrics;
    this.maxBatch = consumers * prefetch;
    this.committer = new Thread(this::commitUntilStopped, "group-commit");
    committer.start();
    try {
      this.subscriber =
          Subscriber.to(queue)
              .withConsumers(consumers)
              .withPrefetch(prefetch)
              .deadLetteringTo(deadLetterQueue)
              .start(connection, subscription -> delivery -> handle(subscription, delivery));
    } catch (IOException | RuntimeException e) {
      stopCommitter();
      throw e;
    }
  }

  long deadLettered() {
    return deadLettered.get();
  }

  /** Batches recorded so far. */
  long batches() {
    return batches.get();
  }

  boolean isConsuming() {
    return !closed && subscriber.isConsuming() && committer.isAlive();
  }

  private void handle(Subscription from, Delivery delivery) throws IOException {
    handling.readLock().lock();
    try {
      if (closed) {
        return; // unacknowledged, it goes back to the queue when the channel closes
      }
      Aggregator.Reply reply =
          aggregator.read(delivery.getProperties().getType(), delivery.getBody());
      if (reply instanceof Aggregator.Reply.Unit unit) {
        deadLetter(
            from,
            delivery,
            "an answer to unit "
                + unit.message().unit()
                + " of job "
                + unit.job()
                + ", but the aggregator service splits no hard numbers");
        return;
      }
      SpoolEntry entry =
          reply instanceof Aggregator.Reply.Result result
              ? TaskRecord.of(result.message())
              : new SpoolEntry.Seal(((Aggregator.Reply.Seal) reply).message());
      pending.add(new Pending(from, delivery, entry));
    } catch (WireFormatException e) {
      deadLetter(from, delivery, e.getMessage());
    } catch (RuntimeException e) {
      log.error("could not read a reply from {}; it goes back to the queue", subscriber.queue(), e);
      from.channel().basicNack(delivery.getEnvelope().getDeliveryTag(), false, true);
    } finally {
      handling.readLock().unlock();
    }
  }

  private void commitUntilStopped() {
    List<Pending> batch = new ArrayList<>(maxBatch);
    try {
      while (!stopCommitting || !pending.isEmpty()) {
        Pending first = pending.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        pending.drainTo(batch, maxBatch - 1);
        commit(batch);
        batch.clear();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // unacknowledged replies go back to the queue
    }
  }

  private void commit(List<Pending> batch) {
    List<SpoolEntry> entries = new ArrayList<>(batch.size());
    for (Pending p : batch) {
      entries.add(p.entry());
    }
    List<Recording> recordings;
    try {
      recordings = spool.record(entries);
    } catch (IOException | RuntimeException e) {
      log.error(
          "could not record a batch of {} replies; they go back to the queue", batch.size(), e);
      for (Pending p : batch) {
        settle(p.from(), () -> p.from().channel().basicNack(tag(p), false, true));
      }
      return;
    }
    batches.incrementAndGet();
    // Refused replies first: a multiple ack would otherwise take them too.
    Map<Subscription, Long> highest = new LinkedHashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      Pending p = batch.get(i);
      Recording recording = recordings.get(i);
      if (recording.isRefused()) {
        settle(p.from(), () -> deadLetter(p.from(), p.delivery(), recording.refusal()));
      } else {
        aggregator.count(recording.outcome());
        highest.merge(p.from(), tag(p), Math::max);
      }
    }
    highest.forEach((from, tag) -> settle(from, () -> from.channel().basicAck(tag, true)));
  }

  private void deadLetter(Subscription from, Delivery delivery, String reason) throws IOException {
    if (from.deadLetter(delivery, reason)) {
      deadLettered.incrementAndGet();
      metrics.replyDeadLettered();
    }
  }

  private static long tag(Pending p) {
    return p.delivery().getEnvelope().getDeliveryTag();
  }

  /**
   * Acknowledges, rejects or dead-letters on a channel that may have closed meanwhile: the broker
   * then delivers those replies again, and the spool knows them as duplicates.
   */
  private static void settle(Subscription from, ChannelAction action) {
    try {
      action.run();
    } catch (IOException | RuntimeException e) {
      log.debug("could not settle replies on a closed channel; they come again: {}", e.toString());
    }
  }

  @FunctionalInterface
  private interface ChannelAction {
    void run() throws IOException;
  }

  /**
   * Stops the deliveries, records and acknowledges the replies in hand, then closes the channels;
   * replies delivered after that go back to the queue.
   */
  @Override
  public void close() {
    closed = true;
    subscriber.cancel();
    handling.writeLock().lock();
    handling.writeLock().unlock();
    stopCommitter();
    subscriber.close();
  }

  private void stopCommitter() {
    stopCommitting = true;
    try {
      committer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
