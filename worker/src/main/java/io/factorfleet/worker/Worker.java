package io.factorfleet.worker;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.MetricsCollector;
import com.rabbitmq.client.ShutdownSignalException;
import io.factorfleet.broker.BrokerConnector;
import io.factorfleet.broker.BrokerUnavailableException;
import io.factorfleet.broker.ReconnectBackoff;
import io.factorfleet.metrics.FleetMetrics;
import io.factorfleet.metrics.Health;
import io.factorfleet.text.NumberParser;
import io.factorfleet.topology.QueueMismatchException;
import io.factorfleet.topology.Topology;
import io.factorfleet.wire.MessageKind;
import io.factorfleet.wire.NumberResult;
import io.factorfleet.wire.ResultMessage;
import io.factorfleet.wire.TaskMessage;
import io.factorfleet.wire.WireCodec;
import io.factorfleet.wire.WireFormatException;
import java.io.IOException;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker process's connection to the fleet: consumes tasks with a prefetch sized to its
 * threads, factors them on its own pool, publishes each result to the task's reply-to and
 * acknowledges the task once the broker has confirmed the result.
 *
 * <p>The client's automatic recovery brings back a lost connection with its channels and consumer;
 * a channel the broker closes on its own, or a consumer it cancels, is not covered by that, so the
 * worker subscribes again itself.
 */
public final class Worker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Worker.class);

  /**
   * Progress is expected at least this often while tasks are in hand, on top of a task's budget.
   */
  private static final Duration STALL_MARGIN = Duration.ofMinutes(1);

  private final WorkerSettings settings;
  private final FleetMetrics metrics;
  private final TaskProcessor processor;
  private final WireCodec codec = new WireCodec();
  private final Connection connection;
  private final ExecutorService pool;
  private final ScheduledExecutorService resubscriber;
  private final ReconnectBackoff resubscribeBackoff = new ReconnectBackoff();
  private final AtomicInteger resubscribeFailures = new AtomicInteger();
  private final AtomicInteger inHand = new AtomicInteger();
  private final AtomicLong tasksAnswered = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();
  private volatile long lastProgressNanos = System.nanoTime();
  private volatile Subscription subscription;
  private volatile boolean closed;

  private Worker(WorkerSettings settings, FleetMetrics metrics, Connection connection)
      throws IOException {
    this.settings = settings;
    this.metrics = metrics;
    metrics.tasksInFlight(inHand::get);
    this.connection = connection;
    this.processor =
        new TaskProcessor(
            settings.numberBudget(),
            settings.taskBudget(),
            new NumberParser(settings.maxDigits()),
            settings.workerId());
    this.pool = Executors.newFixedThreadPool(settings.threads(), threads("factoring"));
    this.resubscriber = Executors.newSingleThreadScheduledExecutor(threads("resubscribe"));
    this.subscription = new Subscription();
  }

  /** Connects, declares the task queue and starts consuming; records no metrics. */
  public static Worker start(WorkerSettings settings)
      throws BrokerUnavailableException, IOException, InterruptedException {
    return start(settings, FleetMetrics.NONE, null);
  }

  /**
   * Connects, declares the task queue and starts consuming.
   *
   * @param metrics where the worker records what it does
   * @param rabbitCollector where the RabbitMQ client records its own metrics, or null
   */
  public static Worker start(
      WorkerSettings settings, FleetMetrics metrics, MetricsCollector rabbitCollector)
      throws BrokerUnavailableException, IOException, InterruptedException {
    Connection connection =
        new BrokerConnector(settings.broker(), rabbitCollector)
            .openPatiently("fleet-worker " + settings.workerId(), settings.connectPatience());
    try {
      Worker worker = new Worker(settings, metrics, connection);
      log.info(
          "worker {} consuming {} at {} with {} threads, prefetch {}",
          settings.workerId(),
          settings.topology().taskQueue(),
          settings.broker().display(),
          settings.threads(),
          settings.prefetch());
      return worker;
    } catch (QueueMismatchException e) {
      connection.abort();
      throw e.asRefusal();
    } catch (IOException | RuntimeException e) {
      connection.abort();
      throw e;
    }
  }

  public WorkerSettings settings() {
    return settings;
  }

  /** Tasks answered (result confirmed or dead-lettered) since start. */
  public long tasksAnswered() {
    return tasksAnswered.get();
  }

  /** Messages this worker moved to the dead-letter queue. */
  public long deadLettered() {
    return deadLettered.get();
  }

  /**
   * Healthy while connected and consuming, and, while holding tasks, finishing one at least once
   * per task budget.
   */
  public Health health() {
    if (closed) {
      return Health.down("stopped");
    }
    if (!connection.isOpen()) {
      return Health.down("not connected to RabbitMQ");
    }
    Subscription current = subscription;
    if (current == null || !current.isConsuming()) {
      return Health.down("not consuming " + settings.topology().taskQueue());
    }
    long quiet = System.nanoTime() - lastProgressNanos;
    if (inHand.get() > 0 && quiet > settings.taskBudget().plus(STALL_MARGIN).toNanos()) {
      return Health.down(
          inHand.get() + " tasks in hand and none finished for " + Duration.ofNanos(quiet));
    }
    return Health.up();
  }

  private void dispatch(
      Subscription from,
      long generation,
      Envelope envelope,
      AMQP.BasicProperties props,
      byte[] body) {
    if (inHand.getAndIncrement() == 0) {
      lastProgressNanos = System.nanoTime();
    }
    metrics.taskConsumed(queueWait(props.getTimestamp()));
    try {
      pool.execute(() -> handle(from, generation, envelope.getDeliveryTag(), props, body));
    } catch (RejectedExecutionException stopping) {
      // Draining: the broker hands the task to another worker once this channel closes.
      inHand.decrementAndGet();
    }
  }

  private void handle(
      Subscription from, long generation, long tag, AMQP.BasicProperties props, byte[] body) {
    try {
      String replyTo = props.getReplyTo();
      TaskMessage task;
      try {
        task = codec.decodeTask(body);
      } catch (WireFormatException e) {
        Optional<WireCodec.TaskId> id = codec.identify(body);
        if (id.isPresent() && replyTo != null && !replyTo.isBlank()) {
          reply(from, generation, tag, replyTo, unreadableTask(id.get(), e.getMessage()));
        } else {
          deadLetter(from, generation, tag, props, body, "undecodable task: " + e.getMessage());
        }
        return;
      }
      if (replyTo == null || replyTo.isBlank()) {
        deadLetter(from, generation, tag, props, body, "task has no reply-to");
        return;
      }
      ResultMessage result = processor.process(task);
      metrics.taskFactored(task.numbers().size(), Duration.ofNanos(result.nanos()));
      reply(from, generation, tag, replyTo, result);
    } catch (IOException | RuntimeException e) {
      log.error("task delivery {} failed; handing it back to the queue", tag, e);
      from.requeue(generation, tag);
    } finally {
      inHand.decrementAndGet();
      lastProgressNanos = System.nanoTime();
    }
  }

  /** The AMQP timestamp has a resolution of one second, and so has the time measured from it. */
  private static Duration queueWait(Date published) {
    return published == null
        ? null
        : Duration.ofMillis(Math.max(0, System.currentTimeMillis() - published.getTime()));
  }

  private ResultMessage unreadableTask(WireCodec.TaskId id, String reason) {
    String what = "task " + id.task() + " of job " + id.job();
    log.warn("answering {} with an error: {}", what, reason);
    // in the earliest version, which every build reads, for the task's version is unknown
    return new ResultMessage(
        WireCodec.FIRST_VERSION,
        id.job(),
        id.task(),
        settings.workerId(),
        0,
        List.of(NumberResult.refused("(" + what + ")", what + " could not be read: " + reason)));
  }

  private void reply(
      Subscription from, long generation, long tag, String replyTo, ResultMessage result)
      throws IOException {
    AMQP.BasicProperties replyProps =
        new AMQP.BasicProperties.Builder()
            .contentType(WireCodec.CONTENT_TYPE)
            .type(MessageKind.RESULT.type())
            .correlationId(result.job())
            .messageId(result.job() + "/" + result.task())
            .deliveryMode(2)
            .appId(settings.workerId())
            .build();
    from.acks.publishThenAck(generation, tag, replyTo, replyProps, codec.encode(result));
    tasksAnswered.incrementAndGet();
  }

  /** Moves a message nobody can process to the dead-letter queue, with the reason in a header. */
  private void deadLetter(
      Subscription from,
      long generation,
      long tag,
      AMQP.BasicProperties original,
      byte[] body,
      String reason)
      throws IOException {
    log.warn("dead-lettering a message from {}: {}", settings.topology().taskQueue(), reason);
    Map<String, Object> headers =
        original.getHeaders() == null ? new HashMap<>() : new HashMap<>(original.getHeaders());
    headers.put(Topology.REASON_HEADER, reason);
    headers.put("x-fleet-queue", settings.topology().taskQueue());
    headers.put("x-fleet-worker", settings.workerId());
    AMQP.BasicProperties props = original.builder().headers(headers).deliveryMode(2).build();
    from.acks.publishThenAck(generation, tag, settings.topology().deadLetterQueue(), props, body);
    deadLettered.incrementAndGet();
    metrics.taskDeadLettered();
  }

  private void resubscribeLater(String why) {
    if (closed) {
      return;
    }
    Duration delay = resubscribeBackoff.delay(resubscribeFailures.get());
    log.warn("subscribing to {} again in {}: {}", settings.topology().taskQueue(), delay, why);
    try {
      resubscriber.schedule(this::resubscribe, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException stopping) {
      // closing
    }
  }

  private synchronized void resubscribe() {
    if (closed || (subscription != null && subscription.isConsuming())) {
      return;
    }
    try {
      subscription = new Subscription();
      resubscribeFailures.set(0);
      log.info("consuming {} again", settings.topology().taskQueue());
    } catch (IOException | RuntimeException e) {
      resubscribeFailures.incrementAndGet();
      resubscribeLater("the last attempt failed: " + e.getMessage());
    }
  }

  /**
   * Stops taking tasks, finishes those in hand within the drain timeout and waits for their results
   * to be confirmed; whatever is still unacknowledged when the connection closes goes back to the
   * queue for another worker.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    resubscriber.shutdownNow();
    long deadline = System.nanoTime() + settings.drainTimeout().toNanos();
    Subscription current = subscription;
    current.cancel();
    pool.shutdown();
    try {
      if (!pool.awaitTermination(remaining(deadline), TimeUnit.NANOSECONDS)) {
        log.warn("drain timeout reached; unfinished tasks go back to the queue");
        pool.shutdownNow();
      }
      current.acks.awaitConfirmed(remaining(deadline), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      pool.shutdownNow();
    }
    try {
      connection.close(5_000);
    } catch (IOException | RuntimeException e) {
      connection.abort();
    }
    log.info("worker {} stopped after answering {} tasks", settings.workerId(), tasksAnswered());
  }

  private static long remaining(long deadline) {
    return Math.max(0, deadline - System.nanoTime());
  }

  private static ThreadFactory threads(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** One consuming channel with its publishing channel; replaced whole when the broker drops it. */
  private final class Subscription {
    final Channel consumeChannel;
    final Channel publishChannel;
    final AckAfterConfirm acks;
    final String consumerTag;
    private volatile boolean cancelledByBroker;

    Subscription() throws IOException {
      settings.topology().declareTaskQueue(connection);
      consumeChannel = connection.createChannel();
      publishChannel = connection.createChannel();
      acks = new AckAfterConfirm(publishChannel, consumeChannel, metrics);
      consumeChannel.basicQos(settings.prefetch());
      consumeChannel.addShutdownListener(this::closed);
      consumerTag =
          consumeChannel.basicConsume(
              settings.topology().taskQueue(),
              false,
              settings.workerId() + "-" + System.nanoTime(),
              new DefaultConsumer(consumeChannel) {
                @Override
                public void handleDelivery(
                    String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body) {
                  dispatch(Subscription.this, acks.generation(), envelope, props, body);
                }

                @Override
                public void handleCancel(String tag) {
                  cancelledByBroker = true;
                  resubscribeLater("the broker cancelled the consumer (was the queue deleted?)");
                }
              });
    }

    boolean isConsuming() {
      return consumeChannel.isOpen() && !cancelledByBroker;
    }

    private void closed(ShutdownSignalException cause) {
      // Connection-level failures are recovered by the client with channels and consumers.
      if (!cause.isHardError() && !cause.isInitiatedByApplication()) {
        resubscribeLater("the broker closed the channel: " + cause.getMessage());
      }
    }

    void requeue(long generation, long tag) {
      try {
        acks.nackIfCurrent(generation, tag);
      } catch (IOException | RuntimeException e) {
        log.debug("requeue failed; the broker requeues when the channel closes: {}", e.toString());
      }
    }

    void cancel() {
      try {
        if (connection.isOpen() && consumeChannel.isOpen()) {
          consumeChannel.basicCancel(consumerTag);
        }
      } catch (IOException | RuntimeException e) {
        log.debug("cancel failed, the connection is going anyway: {}", e.toString());
      }
    }
  }
}
