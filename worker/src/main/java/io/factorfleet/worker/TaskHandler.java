package io.factorfleet.worker;

import com.rabbitmq.client.AMQP;
import io.factorfleet.broker.Subscription;
import io.factorfleet.metrics.FleetMetrics;
import io.factorfleet.wire.MessageKind;
import io.factorfleet.wire.ResultMessage;
import io.factorfleet.wire.TaskMessage;
import io.factorfleet.wire.WireCodec;
import io.factorfleet.wire.WireFormatException;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one task on a factoring thread: publishes its result to the task's reply-to, or an error
 * result when the task cannot be read but names its job, or moves it to the dead-letter queue when
 * it cannot be answered at all. Either way the task is acknowledged once the broker has confirmed
 * what was published; when that fails, it goes back to the queue.
 */
final class TaskHandler {
  private static final Logger log = LoggerFactory.getLogger(TaskHandler.class);

  private final String workerId;
  private final TaskProcessor processor;
  private final FleetMetrics metrics;
  private final WireCodec codec = new WireCodec();
  private final AtomicLong answered = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final CancelledJobs cancelled;

  TaskHandler(
      String workerId, TaskProcessor processor, FleetMetrics metrics, CancelledJobs cancelled) {
    this.workerId = workerId;
    this.processor = processor;
    this.metrics = metrics;
    this.cancelled = cancelled;
  }

  /** Tasks of cancelled jobs acknowledged without an answer. */
  long skipped() {
    return skipped.get();
  }

  /** Tasks answered (result confirmed or dead-lettered). */
  long answered() {
    return answered.get();
  }

  /** Tasks moved to the dead-letter queue. */
  long deadLettered() {
    return deadLettered.get();
  }

  void handle(Origin from, AMQP.BasicProperties props, byte[] body) {
    try {
      String replyTo = props.getReplyTo();
      boolean answerable = replyTo != null && !replyTo.isBlank();
      // Factor Fleet's tasks name their job in the correlation id: no need to parse the body.
      if (cancelled.contains(props.getCorrelationId())) {
        skip(from, props.getCorrelationId());
        return;
      }
      TaskMessage task;
      try {
        task = codec.decodeTask(body);
      } catch (WireFormatException e) {
        Optional<WireCodec.TaskId> id = codec.identify(body);
        if (id.isPresent() && answerable) {
          log.warn(
              "answering task {} of job {} with an error: {}",
              id.get().task(),
              id.get().job(),
              e.getMessage());
          reply(from, replyTo, processor.unreadable(id.get(), e.getMessage()));
        } else {
          deadLetter(from, props, body, "undecodable task: " + e.getMessage());
        }
        return;
      }
      if (!answerable) {
        deadLetter(from, props, body, "task has no reply-to");
        return;
      }
      Optional<ResultMessage> answered =
          processor.process(task, () -> cancelled.contains(task.job()));
      if (answered.isEmpty()) {
        skip(from, task.job());
        return;
      }
      ResultMessage result = answered.get();
      metrics.taskFactored(task.numbers().size(), Duration.ofNanos(result.nanos()));
      reply(from, replyTo, result);
    } catch (IOException | RuntimeException e) {
      log.error("task delivery {} failed; handing it back to the queue", from.tag(), e);
      from.requeue();
    }
  }

  /** Acknowledges a task of a cancelled job: nobody waits for its answer. */
  private void skip(Origin from, String job) throws IOException {
    from.acks().ackIfCurrent(from.generation(), from.tag());
    if (skipped.incrementAndGet() % 1000 == 1) {
      log.info("acknowledging the tasks of cancelled job {} without factoring them", job);
    }
  }

  private void reply(Origin from, String replyTo, ResultMessage result) throws IOException {
    AMQP.BasicProperties replyProps =
        new AMQP.BasicProperties.Builder()
            .contentType(WireCodec.CONTENT_TYPE)
            .type(MessageKind.RESULT.type())
            .correlationId(result.job())
            .messageId(result.job() + "/" + result.task())
            .deliveryMode(2)
            .appId(workerId)
            .build();
    from.acks()
        .publishThenAck(from.generation(), from.tag(), replyTo, replyProps, codec.encode(result));
    answered.incrementAndGet();
  }

  /** Moves a message nobody can process to the dead-letter queue, with the reason in a header. */
  private void deadLetter(Origin from, AMQP.BasicProperties original, byte[] body, String reason)
      throws IOException {
    Subscription subscription = from.subscription();
    from.acks()
        .publishThenAck(
            from.generation(),
            from.tag(),
            subscription.deadLetterQueue(),
            subscription.deadLetterProperties(original, reason),
            body);
    deadLettered.incrementAndGet();
    metrics.taskDeadLettered();
  }

  /**
   * Where a task came from: its subscription, the tracker that acknowledges it once its answer is
   * confirmed, and its delivery tag on the channel incarnation that issued it.
   */
  record Origin(Subscription subscription, AckAfterConfirm acks, long generation, long tag) {
    /** Hands the task back; failing that, the broker requeues it when the channel closes. */
    void requeue() {
      try {
        acks.nackIfCurrent(generation, tag);
      } catch (IOException | RuntimeException e) {
        log.debug("requeue failed; the broker requeues when the channel closes: {}", e.toString());
      }
    }
  }
}
