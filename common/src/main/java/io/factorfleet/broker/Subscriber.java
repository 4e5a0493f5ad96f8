package io.factorfleet.broker;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps consumers subscribed to one queue, each a {@link Subscription} on a channel of its own with
 * a prefetch. The client's automatic recovery brings back a lost connection with its channels and
 * consumers; a channel the broker closes on its own, or a consumer it cancels (when the queue is
 * deleted, say), is not covered by that, so the subscriber subscribes again itself: on one
 * scheduler thread, waiting longer after each failed try and a random part of that ({@link
 * ReconnectBackoff}).
 *
 * <pre>{@code
 * Subscriber subscriber =
 *     Subscriber.to("fleet.tasks")
 *         .withPrefetch(8)
 *         .deadLetteringTo("fleet.dead")
 *         .start(connection, subscription -> delivery -> ...);
 * }</pre>
 */
public final class Subscriber implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Subscriber.class);

  private final Connection connection;
  private final Plan plan;
  private final DeliveryHandler.Factory handlers;
  private final AtomicReferenceArray<Subscription> subscriptions;
  private final AtomicIntegerArray failures;
  private final ScheduledExecutorService resubscriber;
  private volatile boolean stopped;

  private Subscriber(Connection connection, Plan plan, DeliveryHandler.Factory handlers) {
    this.connection = connection;
    this.plan = plan;
    this.handlers = handlers;
    this.subscriptions = new AtomicReferenceArray<>(plan.consumers());
    this.failures = new AtomicIntegerArray(plan.consumers());
    this.resubscriber =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "resubscribe-" + plan.queue());
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Starts planning the consumers of {@code queue}. */
  public static Builder to(String queue) {
    return new Builder(queue);
  }

  /** The queue consumed. */
  public String queue() {
    return plan.queue();
  }

  /** Whether every consumer receives messages right now. */
  public boolean isConsuming() {
    if (stopped || !connection.isOpen()) {
      return false;
    }
    for (int slot = 0; slot < subscriptions.length(); slot++) {
      if (!isConsuming(slot)) {
        return false;
      }
    }
    return true;
  }

  private boolean isConsuming(int slot) {
    Subscription current = subscriptions.get(slot);
    return current != null && current.isConsuming();
  }

  private synchronized void subscribe(int slot) throws IOException {
    plan.declaration().declare(connection);
    Channel consuming = connection.createChannel();
    Channel publishing = connection.createChannel();
    Subscription subscription = new Subscription(plan, consuming, publishing);
    try {
      publishing.confirmSelect();
      DeliveryHandler handler = handlers.forSubscription(subscription);
      consuming.basicQos(plan.prefetch());
      consuming.addShutdownListener(cause -> channelClosed(slot, subscription, cause));
      String tag = plan.consumerTags() == null ? "" : plan.consumerTags() + "-" + System.nanoTime();
      subscription.consume(
          tag,
          handler,
          () -> resubscribeLater(slot, "the broker cancelled a consumer of " + plan.queue()));
    } catch (IOException | RuntimeException e) {
      subscription.close();
      throw e;
    }
    subscriptions.set(slot, subscription);
  }

  private void channelClosed(int slot, Subscription closed, ShutdownSignalException cause) {
    // Connection-level failures are recovered by the client with channels and consumers.
    if (subscriptions.get(slot) == closed
        && !cause.isHardError()
        && !cause.isInitiatedByApplication()) {
      resubscribeLater(slot, "the broker closed a channel: " + cause.getMessage());
    }
  }

  private void resubscribeLater(int slot, String why) {
    if (stopped) {
      return;
    }
    Duration delay = plan.backoff().delay(failures.get(slot));
    log.warn("subscribing to {} again in {}: {}", plan.queue(), delay, why);
    try {
      resubscriber.schedule(() -> resubscribe(slot), delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException stopping) {
      // stopped meanwhile
    }
  }

  private synchronized void resubscribe(int slot) {
    if (stopped || isConsuming(slot)) {
      return;
    }
    try {
      subscribe(slot);
      failures.set(slot, 0);
      log.info("consuming {} again", plan.queue());
    } catch (IOException | RuntimeException e) {
      failures.incrementAndGet(slot);
      resubscribeLater(slot, "the last attempt failed: " + e.getMessage());
    }
  }

  /**
   * Stops the deliveries and subscribes no more; the channels stay open, so that the messages in
   * hand can still be acknowledged or answered.
   */
  public synchronized void cancel() {
    stopped = true;
    resubscriber.shutdownNow();
    for (int slot = 0; slot < subscriptions.length(); slot++) {
      Subscription subscription = subscriptions.get(slot);
      if (subscription != null) {
        subscription.cancel();
      }
    }
  }

  /** Cancels, then closes every channel; unacknowledged messages go back to the queue. */
  @Override
  public synchronized void close() {
    cancel();
    for (int slot = 0; slot < subscriptions.length(); slot++) {
      Subscription subscription = subscriptions.get(slot);
      if (subscription != null) {
        subscription.close();
      }
    }
  }

  /** Declares what a subscription consumes, again before each time it subscribes. */
  @FunctionalInterface
  public interface Declaration {
    Declaration NONE = connection -> {};

    void declare(Connection connection) throws IOException;
  }

  /** What a subscriber consumes and how; see {@link Builder}. */
  record Plan(
      String queue,
      int prefetch,
      int consumers,
      String consumerTags,
      Declaration declaration,
      String deadLetterQueue,
      Map<String, Object> stamp,
      ReconnectBackoff backoff) {}

  /** Plans a subscriber; each setting is checked at once. */
  public static final class Builder {
    private final String queue;
    private int prefetch;
    private int consumers = 1;
    private String consumerTags;
    private Declaration declaration = Declaration.NONE;
    private String deadLetterQueue;
    private final Map<String, Object> stamp = new HashMap<>();
    private ReconnectBackoff backoff = new ReconnectBackoff();

    private Builder(String queue) {
      if (queue == null || queue.isBlank()) {
        throw new IllegalArgumentException("a queue to consume is needed");
      }
      this.queue = queue;
    }

    /** Unacknowledged messages the broker may send ahead to each consumer; 0 for no limit. */
    public Builder withPrefetch(int prefetch) {
      if (prefetch < 0 || prefetch > 65535) {
        throw new IllegalArgumentException("prefetch must be 0 to 65535, got " + prefetch);
      }
      this.prefetch = prefetch;
      return this;
    }

    /** How many consumers, each on a channel of its own, take messages at once; 1 unless set. */
    public Builder withConsumers(int consumers) {
      if (consumers < 1) {
        throw new IllegalArgumentException("at least one consumer is needed, got " + consumers);
      }
      this.consumers = consumers;
      return this;
    }

    /** Consumer tags start with this, as the management UI shows them; the broker's otherwise. */
    public Builder withConsumerTags(String prefix) {
      this.consumerTags = prefix;
      return this;
    }

    /** Declares the queue before each subscription, so that a deleted queue comes back. */
    public Builder declaring(Declaration declaration) {
      this.declaration = declaration;
      return this;
    }

    /** Where {@link Subscription#deadLetter} sends what nobody can process. */
    public Builder deadLetteringTo(String deadLetterQueue) {
      this.deadLetterQueue = deadLetterQueue;
      return this;
    }

    /** A header put on every message this subscriber dead-letters, beside the reason. */
    public Builder stampingDeadLetters(String header, Object value) {
      stamp.put(header, value);
      return this;
    }

    /** How long to wait between tries to subscribe again; {@link ReconnectBackoff}'s unless set. */
    public Builder withBackoff(ReconnectBackoff backoff) {
      this.backoff = backoff;
      return this;
    }

    /**
     * Subscribes every consumer, each handled by what {@code handlers} makes for it.
     *
     * @throws IOException when a first subscription fails; none is left open then
     */
    public Subscriber start(Connection connection, DeliveryHandler.Factory handlers)
        throws IOException {
      Subscriber subscriber =
          new Subscriber(
              connection,
              new Plan(
                  queue,
                  prefetch,
                  consumers,
                  consumerTags,
                  declaration,
                  deadLetterQueue,
                  Map.copyOf(stamp),
                  backoff),
              handlers);
      try {
        for (int slot = 0; slot < consumers; slot++) {
          subscriber.subscribe(slot);
        }
      } catch (IOException | RuntimeException e) {
        subscriber.close();
        throw e;
      }
      return subscriber;
    }
  }
}
