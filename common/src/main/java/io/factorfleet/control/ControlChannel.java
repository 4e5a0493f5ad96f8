package io.factorfleet.control;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.factorfleet.broker.Channels;
import io.factorfleet.topology.Topology;
import io.factorfleet.wire.ControlCodec;
import io.factorfleet.wire.ControlMessage;
import io.factorfleet.wire.WireCodec;
import io.factorfleet.wire.WireFormatException;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One process's place on the fleet's control exchange: a queue of its own bound to the exchange,
 * exclusive to its connection (so the broker deletes it with the connection), consumed without
 * acknowledgements; and the means to broadcast a message or answer one. Messages are transient: a
 * control message is about now, and worth nothing after a broker restart.
 *
 * <p>The queue has a name of the client's choosing, so that the client's automatic recovery
 * declares it again under the same name, and answers addressed to it still arrive.
 */
public final class ControlChannel implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ControlChannel.class);

  /** What a process does with the control messages it hears. */
  public interface Listener {
    /**
     * @param replyTo where an answer goes, or null when none is asked for
     */
    void on(ControlMessage message, String replyTo) throws IOException;
  }

  private static final int BIND_ATTEMPTS = 3;

  private final Channel channel;
  private final String exchange;
  private final String queue;
  private final ControlCodec codec = new ControlCodec();

  private ControlChannel(Channel channel, String exchange, String queue) {
    this.channel = channel;
    this.exchange = exchange;
    this.queue = queue;
  }

  /** Declares the control exchange and a queue of this process, and hands what comes to it. */
  public static ControlChannel open(Connection connection, Topology topology, Listener listener)
      throws IOException {
    String queue = topology.controlExchange() + "." + UUID.randomUUID();
    for (int attempt = 1; ; attempt++) {
      Channel channel = connection.createChannel();
      try {
        channel.confirmSelect();
        topology.declareControlExchange(channel);
        channel.queueDeclare(queue, false, true, true, Map.of());
        channel.queueBind(queue, topology.controlExchange(), "");
        ControlChannel control = new ControlChannel(channel, topology.controlExchange(), queue);
        channel.basicConsume(queue, true, control.consumer(listener));
        return control;
      } catch (IOException | RuntimeException e) {
        Channels.closeQuietly(channel);
        // The exchange is auto-delete: the last other process may have left between its
        // declaration and the binding, taking it along. Declaring it again brings it back.
        if (attempt == BIND_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /** The queue answers to this process go to. */
  public String queue() {
    return queue;
  }

  /** Sends {@code message} to every process on the control exchange, this one included. */
  public void broadcast(ControlMessage message) throws IOException {
    publish(exchange, "", message, null);
  }

  /**
   * Sends {@code message} to every process and waits until the broker has taken it, at most {@code
   * timeout}: for a process about to exit.
   *
   * @return whether the broker confirmed it in time
   */
  public boolean broadcastConfirmed(ControlMessage message, java.time.Duration timeout)
      throws IOException, InterruptedException {
    synchronized (this) {
      publish(exchange, "", message, null);
      try {
        return channel.waitForConfirms(Math.max(1, timeout.toMillis()));
      } catch (TimeoutException e) {
        return false;
      }
    }
  }

  /** Sends {@code message} to every process, asking for answers on this process's queue. */
  public void ask(ControlMessage message) throws IOException {
    publish(exchange, "", message, queue);
  }

  /** Answers a message that asked for one. */
  public void reply(String replyTo, ControlMessage message) throws IOException {
    publish("", replyTo, message, null);
  }

  private synchronized void publish(
      String toExchange, String routingKey, ControlMessage message, String replyTo)
      throws IOException {
    AMQP.BasicProperties props =
        new AMQP.BasicProperties.Builder()
            .contentType(WireCodec.CONTENT_TYPE)
            .type(message.type())
            .deliveryMode(1)
            .replyTo(replyTo)
            .build();
    channel.basicPublish(toExchange, routingKey, props, codec.encode(message));
  }

  private DefaultConsumer consumer(Listener listener) {
    return new DefaultConsumer(channel) {
      @Override
      public void handleDelivery(
          String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body) {
        ControlMessage message;
        try {
          message = codec.decode(props.getType(), body);
        } catch (WireFormatException e) {
          // Nobody waits on a control message the way a job waits on its results: drop it.
          log.warn("dropping a control message that cannot be read: {}", e.getMessage());
          return;
        }
        try {
          listener.on(message, props.getReplyTo());
        } catch (IOException | RuntimeException e) {
          log.warn("control message {} not handled: {}", message, e.toString());
        }
      }
    };
  }

  @Override
  public void close() {
    Channels.closeQuietly(channel);
  }
}
