package io.factorfleet.worker;

import com.rabbitmq.client.AMQP;
import io.factorfleet.broker.Subscription;
import io.factorfleet.metrics.FleetMetrics;
import io.factorfleet.wire.MessageKind;
import io.factorfleet.wire.ResultMessage;
import io.factorfleet.wire.TaskMessage;
import io.factorfleet.wire.UnitMessage;
import io.factorfleet.wire.UnitResultMessage;
import io.factorfleet.wire.WireCodec;
import io.factorfleet.wire.WireFormatException;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
  private final UnitProcessor units;

  /** The hard numbers ("job/number") this worker has run units of, to log each once. */
  private final Set<String> numbersSeen = ConcurrentHashMap.newKeySet();

  private final FleetMetrics metrics;
  private final WireCodec codec = new WireCodec();
  private final AtomicLong answered = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final CancelledJobs cancelled;

  TaskHandler(
      String workerId,
      TaskProcessor processor,
      UnitProcessor units,
      FleetMetrics metrics,
      CancelledJobs cancelled) {
    this.workerId = workerId;
    this.processor = processor;
    this.units = units;
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
      if (MessageKind.UNIT.type().equals(props.getType())) {
        handleUnit(from, props, body, answerable ? replyTo : null);
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

  /**
   * Runs a unit of a hard number and answers it, unless its coordinator no longer wants it; a unit
   * that cannot be read, or has nobody to answer to, goes to the dead-letter queue: its coordinator
   * issues it again once its lease runs out.
   */
  private void handleUnit(Origin from, AMQP.BasicProperties props, byte[] body, String replyTo)
      throws IOException {
    UnitMessage unit;
    try {
      unit = codec.decodeUnit(body);
    } catch (WireFormatException e) {
      deadLetter(from, props, body, "undecodable unit: " + e.getMessage());
      return;
    }
    if (replyTo == null) {
      deadLetter(from, props, body, "unit has no reply-to");
      return;
    }
    if (cancelled.isDropped(unit.job(), unit.number(), unit.unit())) {
      skip(from, unit.job());
      return;
    }
    if (numbersSeen.add(unit.job() + "/" + unit.number())) {
      log.info(
          "worker {} working on units of number {} of job {}", workerId, unit.number(), unit.job());
    }
    Optional<UnitResultMessage> outcome =
        units.process(unit, () -> cancelled.isDropped(unit.job(), unit.number(), unit.unit()));
    if (outcome.isEmpty()) {
      skip(from, unit.job());
      return;
    }
    UnitResultMessage result = outcome.get();
    metrics.unitRun(result.relations().size());
    AMQP.BasicProperties replyProps =
        replyProperties(
            MessageKind.UNIT_RESULT,
            result.job(),
            result.job() + "/" + result.number() + "/unit/" + result.unit());
    from.acks()
        .publishThenAck(from.generation(), from.tag(), replyTo, replyProps, codec.encode(result));
    answered.incrementAndGet();
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
        replyProperties(MessageKind.RESULT, result.job(), result.job() + "/" + result.task());
    from.acks()
        .publishThenAck(from.generation(), from.tag(), replyTo, replyProps, codec.encode(result));
    answered.incrementAndGet();
  }

  private AMQP.BasicProperties replyProperties(MessageKind kind, String job, String messageId) {
    return new AMQP.BasicProperties.Builder()
        .contentType(WireCodec.CONTENT_TYPE)
        .type(kind.type())
        .correlationId(job)
        .messageId(messageId)
        .deliveryMode(2)
        .appId(workerId)
        .build();
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
