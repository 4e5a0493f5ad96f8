package io.factorfleet.aggregator.service;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import io.factorfleet.broker.Channels;
import io.factorfleet.control.ControlChannel;
import io.factorfleet.coordinator.UnitSender;
import io.factorfleet.topology.MessageProperties;
import io.factorfleet.wire.ControlMessage;
import io.factorfleet.wire.UnitMessage;
import io.factorfleet.wire.WireCodec;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the service's coordinator sends units: the task queue, on a channel of its own with
 * publisher confirms, each unit persistent and confirmed before the next, its answer to come to the
 * result queue; and units-done on the control exchange. A unit the broker refuses, or that is
 * unconfirmed when the connection drops, is published again until it is confirmed: units are
 * idempotent, so a unit published twice costs a duplicate answer at most.
 */
final class UnitPublisher implements UnitSender, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(UnitPublisher.class);

  /** How long a confirm is waited for before the unit is published again. */
  private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(30);

  /** The wait before publishing again while the connection is being recovered. */
  private static final Duration RETRY = Duration.ofMillis(500);

  private final Channel channel;
  private final String taskQueue;
  private final String replyTo;
  private final ControlChannel control;
  private final WireCodec codec = new WireCodec();

  /**
   * @param replyTo the queue the answers go to: the service's result queue
   */
  UnitPublisher(Connection connection, String taskQueue, String replyTo, ControlChannel control)
      throws IOException {
    this.channel = connection.createChannel();
    this.taskQueue = taskQueue;
    this.replyTo = replyTo;
    this.control = control;
    channel.confirmSelect();
  }

  @Override
  public synchronized void send(UnitMessage unit) throws InterruptedException {
    byte[] body = codec.encode(unit);
    while (true) {
      try {
        channel.basicPublish("", taskQueue, MessageProperties.unit(unit, replyTo), body);
        if (channel.waitForConfirms(CONFIRM_TIMEOUT.toMillis())) {
          return;
        }
        log.warn(
            "the broker refused unit {} of job {}; publishing it again", unit.unit(), unit.job());
      } catch (IOException | ShutdownSignalException | TimeoutException e) {
        log.debug(
            "unit {} of job {} not confirmed; publishing it again: {}",
            unit.unit(),
            unit.job(),
            e.toString());
      }
      Thread.sleep(RETRY.toMillis());
    }
  }

  @Override
  public void unitsDone(String job, long number, long below) throws IOException {
    control.broadcast(new ControlMessage.UnitsDone(job, number, below));
  }

  @Override
  public void close() {
    Channels.closeQuietly(channel);
  }
}
