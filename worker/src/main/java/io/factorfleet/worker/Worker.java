package io.factorfleet.worker;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Delivery;
import io.factorfleet.broker.BrokerConnector;
import io.factorfleet.broker.BrokerUnavailableException;
import io.factorfleet.engine.Factorizer;
import io.factorfleet.task.TaskProcessor;
import io.factorfleet.text.NumberParser;
import io.factorfleet.topology.Topology;
import io.factorfleet.wire.MessageKind;
import io.factorfleet.wire.ResultMessage;
import io.factorfleet.wire.TaskMessage;
import io.factorfleet.wire.WireCodec;
import io.factorfleet.wire.WireFormatException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker process's connection to the fleet: consumes tasks with a prefetch sized to its
 * threads, factors them on its own pool, publishes each result to the task's reply-to and
 * acknowledges the task once the broker has confirmed the result.
 */
public final class Worker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Worker.class);

  private final WorkerSettings settings;
  private final TaskProcessor processor;
  private final WireCodec codec = new WireCodec();
  private final Connection connection;
  private final Channel consumeChannel;
  private final Channel publishChannel;
  private final AckAfterConfirm acks;
  private final ExecutorService pool;
  private final String consumerTag;
  private boolean closed;

  private Worker(WorkerSettings settings, Connection connection) throws IOException {
    this.settings = settings;
    this.connection = connection;
    this.processor =
        new TaskProcessor(
            new Factorizer(settings.numberBudget()),
            new NumberParser(settings.maxDigits()),
            settings.workerId());
    this.pool = Executors.newFixedThreadPool(settings.threads(), factoringThreads());
    this.consumeChannel = connection.createChannel();
    this.publishChannel = connection.createChannel();
    Topology topology = settings.topology();
    topology.declareTaskQueue(consumeChannel);
    this.acks = new AckAfterConfirm(publishChannel, consumeChannel);
    consumeChannel.basicQos(settings.prefetch());
    this.consumerTag =
        consumeChannel.basicConsume(
            topology.taskQueue(),
            false,
            settings.workerId(),
            (tag, delivery) -> dispatch(delivery),
            tag -> log.warn("the broker cancelled consumer {}", tag));
  }

  /** Connects, declares the task queue and starts consuming. */
  public static Worker start(WorkerSettings settings)
      throws BrokerUnavailableException, IOException, InterruptedException {
    Connection connection =
        new BrokerConnector(settings.broker())
            .openPatiently("fleet-worker " + settings.workerId(), settings.connectPatience());
    try {
      Worker worker = new Worker(settings, connection);
      log.info(
          "worker {} consuming {} with {} threads, prefetch {}",
          settings.workerId(),
          settings.topology().taskQueue(),
          settings.threads(),
          settings.prefetch());
      return worker;
    } catch (IOException | RuntimeException e) {
      connection.abort();
      throw e;
    }
  }

  public WorkerSettings settings() {
    return settings;
  }

  private void dispatch(Delivery delivery) {
    long generation = acks.generation();
    try {
      pool.execute(() -> handle(generation, delivery));
    } catch (RejectedExecutionException stopping) {
      // Draining: the broker hands the task to another worker once this channel closes.
    }
  }

  private void handle(long generation, Delivery delivery) {
    long tag = delivery.getEnvelope().getDeliveryTag();
    try {
      AMQP.BasicProperties props = delivery.getProperties();
      TaskMessage task;
      try {
        task = codec.decodeTask(delivery.getBody());
      } catch (WireFormatException e) {
        deadLetter(generation, delivery, "undecodable task: " + e.getMessage());
        return;
      }
      String replyTo = props.getReplyTo();
      if (replyTo == null || replyTo.isBlank()) {
        deadLetter(generation, delivery, "task has no reply-to");
        return;
      }
      ResultMessage result = processor.process(task);
      AMQP.BasicProperties replyProps =
          new AMQP.BasicProperties.Builder()
              .contentType(WireCodec.CONTENT_TYPE)
              .type(MessageKind.RESULT.type())
              .correlationId(task.job())
              .messageId(task.job() + "/" + task.task())
              .deliveryMode(2)
              .appId(settings.workerId())
              .build();
      acks.publishThenAck(generation, tag, replyTo, replyProps, codec.encode(result));
    } catch (IOException | RuntimeException e) {
      log.error("task delivery {} failed; handing it back to the queue", tag, e);
      requeue(generation, tag);
    }
  }

  /** The delivery limit of the task queue stops a task that fails every time from looping. */
  private void requeue(long generation, long tag) {
    try {
      acks.nackIfCurrent(generation, tag);
    } catch (IOException | RuntimeException e) {
      log.debug("requeue failed; the broker requeues when the channel closes: {}", e.toString());
    }
  }

  /** Moves a message nobody can process to the dead-letter queue, with the reason in a header. */
  private void deadLetter(long generation, Delivery delivery, String reason) throws IOException {
    log.warn("dead-lettering a message from {}: {}", settings.topology().taskQueue(), reason);
    AMQP.BasicProperties original = delivery.getProperties();
    Map<String, Object> headers =
        original.getHeaders() == null ? new HashMap<>() : new HashMap<>(original.getHeaders());
    headers.put(Topology.REASON_HEADER, reason);
    headers.put("x-fleet-queue", settings.topology().taskQueue());
    headers.put("x-fleet-worker", settings.workerId());
    AMQP.BasicProperties props = original.builder().headers(headers).deliveryMode(2).build();
    acks.publishThenAck(
        generation,
        delivery.getEnvelope().getDeliveryTag(),
        settings.topology().deadLetterQueue(),
        props,
        delivery.getBody());
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
    try {
      if (connection.isOpen() && consumeChannel.isOpen()) {
        consumeChannel.basicCancel(consumerTag);
      }
    } catch (IOException | RuntimeException e) {
      log.debug("cancel failed, the connection is going anyway: {}", e.toString());
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
    try {
      connection.close(5_000);
    } catch (IOException | RuntimeException e) {
      connection.abort();
    }
    log.info("worker {} stopped", settings.workerId());
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
