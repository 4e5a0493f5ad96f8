package io.factorfleet.worker;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Delivery;
import com.rabbitmq.client.MetricsCollector;
import io.factorfleet.broker.BrokerConnector;
import io.factorfleet.broker.BrokerUnavailableException;
import io.factorfleet.broker.DeliveryHandler;
import io.factorfleet.broker.Subscriber;
import io.factorfleet.broker.Subscription;
import io.factorfleet.control.ControlChannel;
import io.factorfleet.metrics.FleetMetrics;
import io.factorfleet.metrics.Health;
import io.factorfleet.text.NumberParser;
import io.factorfleet.topology.Topology;
import io.factorfleet.wire.ControlMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker process's connection to the fleet: consumes tasks with a prefetch sized to its
 * threads, factors them on its own pool, publishes each result to the task's reply-to and
 * acknowledges the task once the broker has confirmed the result.
 *
 * <p>The {@link Subscriber} keeps it consuming when the broker closes its channel or cancels its
 * consumer; the client's automatic recovery brings back a lost connection.
 */
public final class Worker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Worker.class);

  /**
   * Progress is expected at least this often while tasks are in hand, on top of a task's budget.
   */
  private static final Duration STALL_MARGIN = Duration.ofMinutes(1);

  private final WorkerSettings settings;
  private final FleetMetrics metrics;
  private final TaskHandler tasks;
  private final Connection connection;
  private final ExecutorService pool;
  private final ScheduledExecutorService retries =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "retry-delay");
            thread.setDaemon(true);
            return thread;
          });
  private final Subscriber subscriber;
  private final CancelledJobs cancelled = new CancelledJobs();
  private final ControlChannel control;
  private final AtomicInteger inHand = new AtomicInteger();
  private volatile long lastProgressNanos = System.nanoTime();
  private volatile AckAfterConfirm acks;
  private volatile boolean closed;

  private Worker(WorkerSettings settings, FleetMetrics metrics, Connection connection)
      throws IOException {
    this.settings = settings;
    this.metrics = metrics;
    metrics.tasksInFlight(inHand::get);
    this.connection = connection;
    this.tasks =
        new TaskHandler(
            settings.workerId(),
            new TaskProcessor(
                settings.numberBudget(),
                settings.taskBudget(),
                new NumberParser(settings.maxDigits()),
                settings.workerId()),
            new UnitProcessor(
                settings.workerId(), settings.taskBudget(), new NumberParser(settings.maxDigits())),
            metrics,
            cancelled);
    this.pool = Executors.newFixedThreadPool(settings.threads(), factoringThreads());
    try {
      this.subscriber =
          Subscriber.to(settings.topology().taskQueue())
              .withPrefetch(settings.prefetch())
              .withConsumerTags(settings.workerId())
              .declaring(settings.topology()::declareTaskQueue)
              .deadLetteringTo(settings.topology().deadLetterQueue())
              .stampingDeadLetters(Topology.WORKER_HEADER, settings.workerId())
              .start(connection, this::consume);
    } catch (IOException | RuntimeException e) {
      pool.shutdownNow();
      throw e;
    }
    try {
      this.control = ControlChannel.open(connection, settings.topology(), this::onControl);
    } catch (IOException | RuntimeException e) {
      subscriber.cancel();
      pool.shutdownNow();
      throw e;
    }
  }

  /** Remembers cancelled jobs, and tells whoever asks how many tasks it takes at once. */
  private void onControl(ControlMessage message, String replyTo) throws IOException {
    if (message instanceof ControlMessage.Cancel cancel) {
      cancelled.add(cancel.job());
      log.info("job {} cancelled by {}; its tasks are dropped", cancel.job(), cancel.by());
    } else if (message instanceof ControlMessage.UnitsDone done) {
      cancelled.unitsDone(done.job(), done.number(), done.below());
    } else if (message instanceof ControlMessage.Query query
        && ControlMessage.Query.WORKERS.equals(query.about())
        && replyTo != null) {
      control.reply(
          replyTo, new ControlMessage.WorkerStatus(settings.workerId(), settings.prefetch()));
    }
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
    Worker worker =
        new BrokerConnector(settings.broker(), rabbitCollector)
            .openPatiently(
                "fleet-worker " + settings.workerId(),
                settings.connectPatience(),
                connection -> new Worker(settings, metrics, connection));
    log.info(
        "worker {} consuming {} at {} with {} threads, prefetch {}",
        settings.workerId(),
        settings.topology().taskQueue(),
        settings.broker().display(),
        settings.threads(),
        settings.prefetch());
    return worker;
  }

  public WorkerSettings settings() {
    return settings;
  }

  /** Tasks answered (result confirmed or dead-lettered) since start. */
  public long tasksAnswered() {
    return tasks.answered();
  }

  /** Tasks of cancelled jobs acknowledged without being factored. */
  public long tasksSkipped() {
    return tasks.skipped();
  }

  /** Messages this worker moved to the dead-letter queue. */
  public long deadLettered() {
    return tasks.deadLettered();
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
    if (!subscriber.isConsuming()) {
      return Health.down("not consuming " + settings.topology().taskQueue());
    }
    long quiet = System.nanoTime() - lastProgressNanos;
    if (inHand.get() > 0 && quiet > settings.taskBudget().plus(STALL_MARGIN).toNanos()) {
      return Health.down(
          inHand.get() + " tasks in hand and none finished for " + Duration.ofNanos(quiet));
    }
    return Health.up();
  }

  /** Each subscription's results are confirmed, and its tasks acknowledged, by one tracker. */
  private DeliveryHandler consume(Subscription subscription) throws IOException {
    AckAfterConfirm tracker =
        new AckAfterConfirm(subscription.publishingChannel(), subscription.channel(), metrics);
    acks = tracker;
    return delivery ->
        dispatch(
            new TaskHandler.Origin(
                subscription,
                tracker,
                tracker.generation(),
                delivery.getEnvelope().getDeliveryTag()),
            delivery);
  }

  private void dispatch(TaskHandler.Origin from, Delivery delivery) {
    if (inHand.getAndIncrement() == 0) {
      lastProgressNanos = System.nanoTime();
    }
    metrics.taskConsumed(queueWait(delivery.getProperties().getTimestamp()));
    long returns = HandedBack.returns(delivery.getProperties());
    try {
      if (returns == 0) {
        pool.execute(() -> handle(from, delivery));
        return;
      }
      Duration delay = HandedBack.delay(returns);
      log.info(
          "task {} was handed back {} times; working on it in {} ms",
          delivery.getProperties().getMessageId(),
          returns,
          delay.toMillis());
      retries.schedule(() -> execute(from, delivery), delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException stopping) {
      // Draining: the broker hands the task to another worker once this channel closes.
      inHand.decrementAndGet();
    }
  }

  /** Hands a task whose wait is over to the factoring threads, unless the worker is stopping. */
  private void execute(TaskHandler.Origin from, Delivery delivery) {
    try {
      pool.execute(() -> handle(from, delivery));
    } catch (RejectedExecutionException stopping) {
      inHand.decrementAndGet();
    }
  }

  private void handle(TaskHandler.Origin from, Delivery delivery) {
    try {
      tasks.handle(from, delivery.getProperties(), delivery.getBody());
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
    long deadline = System.nanoTime() + settings.drainTimeout().toNanos();
    subscriber.cancel();
    // Tasks still waiting for their retry go back to the queue with the connection.
    for (Runnable waiting : retries.shutdownNow()) {
      inHand.decrementAndGet();
    }
    pool.shutdown();
    try {
      if (!pool.awaitTermination(remaining(deadline), TimeUnit.NANOSECONDS)) {
        log.warn("drain timeout reached; unfinished tasks go back to the queue");
        pool.shutdownNow();
      }
      acks.awaitConfirmed(remaining(deadline), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      pool.shutdownNow();
    }
    control.close();
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

  private static ThreadFactory factoringThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "factoring-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
