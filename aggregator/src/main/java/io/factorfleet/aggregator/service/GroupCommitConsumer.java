package io.factorfleet.aggregator.service;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Delivery;
import io.factorfleet.aggregator.Aggregator;
import io.factorfleet.aggregator.service.SpoolEntry.Recording;
import io.factorfleet.broker.Subscriber;
import io.factorfleet.broker.Subscription;
import io.factorfleet.metrics.FleetMetrics;
import io.factorfleet.wire.ResultMessage;
import io.factorfleet.wire.UnitResultMessage;
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
 *
 * <p>Hard numbers and the answers to their units take the same path: once durable, a hard number is
 * handed to the service's {@link Coordination}, and so is an answer to a unit of a number it
 * coordinates; answers for other numbers are acknowledged and dropped. The coordinator's own
 * answers to hard numbers join the batches too ({@link #recordAnswer}), with nothing to
 * acknowledge.
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

  /**
   * A reply read and formatted, waiting for its batch; {@code from} and {@code delivery} are null
   * for a coordinator's answer, which came from no queue.
   */
  private record Pending(Subscription from, Delivery delivery, SpoolEntry entry) {}

  /** Where hard numbers and the answers to their units go once they are durable. */
  interface Coordination {
    /** A hard number was recorded: coordinate it. */
    void hardNumber(SpoolEntry.HardNumber hard);

    /** An answer to a unit of a hard number being coordinated was recorded. */
    void unitAnswer(UnitResultMessage answer);
  }

  private final Coordination coordination;

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
      Coordination coordination,
      FleetMetrics metrics)
      throws IOException {
    this.aggregator = aggregator;
    this.coordination = coordination;
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
      pending.add(new Pending(from, delivery, entryOf(reply, delivery)));
    } catch (WireFormatException e) {
      deadLetter(from, delivery, e.getMessage());
    } catch (RuntimeException e) {
      log.error("could not read a reply from {}; it goes back to the queue", subscriber.queue(), e);
      from.channel().basicNack(delivery.getEnvelope().getDeliveryTag(), false, true);
    } finally {
      handling.readLock().unlock();
    }
  }

  /** What the spool records of a reply read. */
  private static SpoolEntry entryOf(Aggregator.Reply reply, Delivery delivery) {
    if (reply instanceof Aggregator.Reply.Result result) {
      return TaskRecord.of(result.message());
    }
    if (reply instanceof Aggregator.Reply.HardNumber hard) {
      return SpoolEntry.HardNumber.of(hard.message());
    }
    if (reply instanceof Aggregator.Reply.Unit unit) {
      return new SpoolEntry.UnitAnswer(unit.message(), RelationFile.lineOf(delivery.getBody()));
    }
    return new SpoolEntry.Seal(((Aggregator.Reply.Seal) reply).message());
  }

  /**
   * Records the coordinator's answer to a hard number as its task's result, in the next batch. An
   * answer that cannot be recorded is lost to this run; the next one coordinates the number again.
   */
  void recordAnswer(ResultMessage answer) {
    pending.add(new Pending(null, null, TaskRecord.of(answer)));
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
          "could not record a batch of {} replies; they go back to the queue (answers of the"
              + " coordinator are coordinated again by the next run)",
          batch.size(),
          e);
      for (Pending p : batch) {
        if (p.from() != null) {
          settle(p.from(), () -> p.from().channel().basicNack(tag(p), false, true));
        }
      }
      return;
    }
    batches.incrementAndGet();
    // Refused replies first: a multiple ack would otherwise take them too.
    Map<Subscription, Long> highest = new LinkedHashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      Pending p = batch.get(i);
      Recording recording = recordings.get(i);
      if (p.from() == null) {
        settleAnswer(p, recording);
      } else if (recording.isRefused()) {
        settle(p.from(), () -> deadLetter(p.from(), p.delivery(), recording.refusal()));
      } else {
        aggregator.count(recording.outcome());
        coordinate(p.entry(), recording);
        highest.merge(p.from(), tag(p), Math::max);
      }
    }
    highest.forEach((from, tag) -> settle(from, () -> from.channel().basicAck(tag, true)));
  }

  /** Hands a durable hard number, or answer to a unit of one, to the coordination. */
  private void coordinate(SpoolEntry entry, Recording recording) {
    if (recording.outcome() == Aggregator.Outcome.HARD_NUMBER
        && entry instanceof SpoolEntry.HardNumber hard) {
      coordination.hardNumber(hard);
    } else if (recording.outcome() == Aggregator.Outcome.UNIT
        && entry instanceof SpoolEntry.UnitAnswer answer) {
      coordination.unitAnswer(answer.message());
    }
  }

  private void settleAnswer(Pending p, Recording recording) {
    TaskRecord answer = (TaskRecord) p.entry();
    if (recording.isRefused()) {
      log.warn(
          "the answer to hard number {} of job {} was not recorded: {}",
          answer.task(),
          answer.job(),
          recording.refusal());
    } else {
      aggregator.count(recording.outcome());
    }
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
