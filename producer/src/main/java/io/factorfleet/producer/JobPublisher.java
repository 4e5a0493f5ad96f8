package io.factorfleet.producer;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConfirmListener;
import com.rabbitmq.client.Connection;
import io.factorfleet.broker.Channels;
import io.factorfleet.control.Hosts;
import io.factorfleet.topology.MessageProperties;
import io.factorfleet.topology.Topology;
import io.factorfleet.wire.MessageKind;
import io.factorfleet.wire.SealMessage;
import io.factorfleet.wire.TaskMessage;
import io.factorfleet.wire.UnitMessage;
import io.factorfleet.wire.WireCodec;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Publishes one job's tasks as persistent messages with publisher confirms, holding at most {@code
 * confirmWindow} unconfirmed at a time. What the broker refuses, and what was unconfirmed when the
 * connection dropped, is published again once the channel is back. When every task is confirmed,
 * {@link #seal()} tells the aggregator how many there are.
 */
public final class JobPublisher implements AutoCloseable {
  /** How often a publication is tried again while the connection is being recovered. */
  private static final long RETRY_MILLIS = 200;

  private final Channel channel;
  private final Topology topology;
  private final String job;
  private final String replyTo;
  private final int confirmWindow;
  private final Duration patience;
  private final WireCodec codec = new WireCodec();
  private final NavigableMap<Long, Outgoing> unconfirmed = new TreeMap<>();
  private final ArrayDeque<Outgoing> toResend = new ArrayDeque<>();
  private long tasks;
  private long numbers;
  private long republished;

  /**
   * @param replyTo the queue results go to
   * @param confirmWindow unconfirmed tasks allowed at once
   * @param patience how long to wait for a lost connection to come back before giving up
   */
  public JobPublisher(
      Connection connection,
      Topology topology,
      String job,
      String replyTo,
      int confirmWindow,
      Duration patience)
      throws IOException {
    if (confirmWindow < 1) {
      throw new IllegalArgumentException("confirm window must be at least 1, got " + confirmWindow);
    }
    this.channel = connection.createChannel();
    this.topology = topology;
    this.job = job;
    this.replyTo = replyTo;
    this.confirmWindow = confirmWindow;
    this.patience = patience;
    channel.confirmSelect();
    channel.addConfirmListener(
        new ConfirmListener() {
          @Override
          public void handleAck(long sequence, boolean multiple) {
            settle(sequence, multiple, false);
          }

          @Override
          public void handleNack(long sequence, boolean multiple) {
            settle(sequence, multiple, true);
          }
        });
    // Confirms of what is in flight when the channel closes never come; once it is recovered,
    // sequence numbers start again, so what was unconfirmed is queued to be sent again at once.
    channel.addShutdownListener(cause -> resendAllUnconfirmed());
  }

  public String job() {
    return job;
  }

  /** Tasks published so far. */
  public synchronized long tasks() {
    return tasks;
  }

  /** Numbers published so far. */
  public synchronized long numbers() {
    return numbers;
  }

  /** Tasks published more than once because the broker refused them or the connection dropped. */
  public synchronized long republished() {
    return republished;
  }

  /** Publishes the next task of the job, with the given index, waiting while the window is full. */
  public synchronized void publish(long index, List<String> batch)
      throws IOException, InterruptedException {
    TaskMessage task = TaskMessage.of(job, index, batch);
    AMQP.BasicProperties props =
        new AMQP.BasicProperties.Builder()
            .contentType(WireCodec.CONTENT_TYPE)
            .type(MessageKind.TASK.type())
            .messageId(job + "/" + index)
            .correlationId(job)
            .replyTo(replyTo)
            .deliveryMode(2)
            // Workers measure how long tasks wait in the queue from it.
            .timestamp(new Date())
            .build();
    send(new Outgoing(topology.taskQueue(), props, codec.encode(task)));
    tasks++;
    numbers += batch.size();
  }

  /**
   * Counts a task of the job that is answered without being published (a hard number split over the
   * fleet by the job's coordinator), so that the seal names it with the others.
   */
  public synchronized void countUnpublished(int batchSize) {
    tasks++;
    numbers += batchSize;
  }

  /** Publishes a unit of one of the job's hard numbers, waiting while the window is full. */
  public synchronized void publishUnit(UnitMessage unit) throws IOException, InterruptedException {
    send(
        new Outgoing(
            topology.taskQueue(), MessageProperties.unit(unit, replyTo), codec.encode(unit)));
  }

  /**
   * Publishes the next task of the job, holding one hard number, to the reply queue instead of the
   * task queue: the aggregator service reading it splits the number over the fleet. It counts as a
   * task of the job in the seal.
   */
  public synchronized void publishHardNumber(long index, String number)
      throws IOException, InterruptedException {
    TaskMessage task = TaskMessage.of(job, index, List.of(number));
    AMQP.BasicProperties props =
        new AMQP.BasicProperties.Builder()
            .contentType(WireCodec.CONTENT_TYPE)
            .type(MessageKind.HARD_NUMBER.type())
            .messageId(job + "/" + index)
            .correlationId(job)
            .deliveryMode(2)
            .build();
    send(new Outgoing(replyTo, props, codec.encode(task)));
    tasks++;
    numbers++;
  }

  /**
   * Waits until every task is confirmed, then publishes the seal to the reply queue and waits for
   * its confirm too.
   */
  public synchronized void seal() throws IOException, InterruptedException {
    awaitConfirmed();
    AMQP.BasicProperties props =
        new AMQP.BasicProperties.Builder()
            .contentType(WireCodec.CONTENT_TYPE)
            .type(MessageKind.SEAL.type())
            .messageId(job + "/seal")
            .correlationId(job)
            .deliveryMode(2)
            .build();
    send(
        new Outgoing(
            replyTo, props, codec.encode(SealMessage.of(job, tasks, numbers, Hosts.local()))));
    awaitConfirmed();
  }

  private void send(Outgoing message) throws IOException, InterruptedException {
    resendPending();
    deliver(message);
  }

  private void resendPending() throws IOException, InterruptedException {
    while (!toResend.isEmpty()) {
      deliver(toResend.removeFirst());
      republished++;
    }
  }

  /**
   * Publishes one message once the window has room, waiting through a lost connection for as long
   * as the patience allows.
   */
  private void deliver(Outgoing message) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (true) {
      awaitWindow();
      if (trySend(message)) {
        return;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new IOException(
            "the connection to RabbitMQ was lost and did not come back within " + patience);
      }
      // Until the client notices the connection is gone, the channel may still look open.
      wait(Math.max(1, Math.min(left / 1_000_000, RETRY_MILLIS)));
    }
  }

  /**
   * Publishes unless the connection is failing. A write error on publishing means the connection is
   * going: automatic recovery brings the channel back, and the message is sent again then.
   */
  private boolean trySend(Outgoing message) {
    if (!channel.isOpen()) {
      return false;
    }
    long sequence = channel.getNextPublishSeqNo();
    try {
      channel.basicPublish("", message.routingKey, message.props, message.body);
    } catch (IOException | AlreadyClosedException e) {
      return false;
    }
    unconfirmed.put(sequence, message);
    return true;
  }

  private void awaitWindow() throws InterruptedException {
    while (unconfirmed.size() >= confirmWindow) {
      wait();
    }
  }

  private void awaitConfirmed() throws IOException, InterruptedException {
    while (true) {
      resendPending();
      if (unconfirmed.isEmpty() && toResend.isEmpty()) {
        return;
      }
      wait(1_000);
      if (!channel.isOpen()) {
        awaitChannel();
      }
    }
  }

  private void awaitChannel() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (!channel.isOpen()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new IOException(
            "the connection to RabbitMQ was lost and did not come back within " + patience);
      }
      wait(Math.max(1, Math.min(left / 1_000_000, 500)));
    }
  }

  private synchronized void settle(long sequence, boolean multiple, boolean refused) {
    NavigableMap<Long, Outgoing> settled =
        multiple
            ? unconfirmed.headMap(sequence, true)
            : unconfirmed.subMap(sequence, true, sequence, true);
    if (refused) {
      toResend.addAll(settled.values());
    }
    settled.clear();
    notifyAll();
  }

  private synchronized void resendAllUnconfirmed() {
    ArrayDeque<Outgoing> again = new ArrayDeque<>(unconfirmed.values());
    again.addAll(toResend);
    toResend.clear();
    toResend.addAll(again);
    unconfirmed.clear();
    notifyAll();
  }

  @Override
  public void close() {
    Channels.closeQuietly(channel);
  }

  private record Outgoing(String routingKey, AMQP.BasicProperties props, byte[] body) {}
}
