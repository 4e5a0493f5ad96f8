package io.factorfleet.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Delivery;
import com.rabbitmq.client.GetResponse;
import io.factorfleet.testing.RabbitBroker;
import io.factorfleet.topology.Topology;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The consumer kit on a real broker: consuming, subscribing again, dead-lettering. */
@ExtendWith(RabbitBroker.class)
class SubscriberIT {
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  /** Tries again within milliseconds, so that the tests need not wait for the real backoff. */
  private static final ReconnectBackoff PROMPTLY =
      new ReconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(100), new Random(1));

  private BrokerSettings broker;
  private Topology topology;
  private Connection connection;
  private Channel channel;
  private String queue;
  private Subscriber subscriber;

  /** Every subscription made, in order, and every message body handled. */
  private final AtomicInteger subscriptions = new AtomicInteger();

  private final List<String> handled = new CopyOnWriteArrayList<>();

  @BeforeEach
  void connect(BrokerSettings broker, Topology topology) throws Exception {
    this.broker = broker;
    this.topology = topology;
    this.queue = topology.taskQueue();
    connection = new BrokerConnector(broker).open("subscriber test");
    channel = connection.createChannel();
  }

  @AfterEach
  void cleanUp() throws Exception {
    if (subscriber != null) {
      subscriber.close();
    }
    connection.close();
    RabbitBroker.deleteQueues(broker, topology);
  }

  @Test
  void shouldConsumeOnAChannelOfItsOwnForEachConsumer() throws Exception {
    subscriber = plan().withConsumers(3).start(connection, acknowledgingEach());

    publish("one");

    await().atMost(PATIENCE).until(() -> handled.contains("one"));
    assertThat(channel.queueDeclarePassive(queue).getConsumerCount()).isEqualTo(3);
    assertThat(subscriptions).hasValue(3);
    assertThat(subscriber.isConsuming()).isTrue();
  }

  @Test
  void shouldSubscribeAgainWhenTheBrokerCancelsTheConsumer() throws Exception {
    // GIVEN a subscriber that declares its queue before each subscription
    subscriber = plan().start(connection, acknowledgingEach());

    // WHEN the queue is deleted, which cancels its consumers
    channel.queueDelete(queue);

    // THEN it subscribes again, to the queue declared anew, and takes what comes next
    await().atMost(PATIENCE).until(() -> subscriptions.get() == 2 && subscriber.isConsuming());
    publish("after the cancel");
    await().atMost(PATIENCE).until(() -> handled.contains("after the cancel"));
  }

  @Test
  void shouldSubscribeAgainWhenTheBrokerClosesTheChannel() throws Exception {
    // GIVEN a handler that acknowledges the first delivery with a tag the broker never issued,
    // which the broker answers by closing the channel
    subscriber =
        plan()
            .start(
                connection,
                subscription -> {
                  subscriptions.incrementAndGet();
                  return delivery -> {
                    long tag = delivery.getEnvelope().getDeliveryTag();
                    if (delivery.getEnvelope().isRedeliver()) {
                      handled.add(body(delivery));
                      subscription.channel().basicAck(tag, false);
                    } else {
                      subscription.channel().basicAck(tag + 1_000, false);
                    }
                  };
                });

    // WHEN a message comes
    publish("redelivered");

    // THEN the message, back in the queue, is handled on the subscription made anew
    await().atMost(PATIENCE).until(() -> handled.contains("redelivered"));
    assertThat(subscriptions).hasValue(2);
    await().atMost(PATIENCE).until(subscriber::isConsuming);
  }

  @Test
  void shouldDeadLetterWithTheReasonTheQueueAndItsStampInHeaders() throws Exception {
    // GIVEN a subscriber that dead-letters everything, stamping its own header
    channel.queueDeclare(topology.deadLetterQueue(), false, false, false, null);
    subscriber =
        plan()
            .deadLetteringTo(topology.deadLetterQueue())
            .stampingDeadLetters(Topology.WORKER_HEADER, "w1")
            .start(
                connection,
                subscription ->
                    delivery -> {
                      if (subscription.deadLetter(delivery, "cannot be read")) {
                        handled.add(body(delivery));
                      }
                    });

    // WHEN a message with a header of its own comes
    channel.basicPublish(
        "",
        queue,
        new AMQP.BasicProperties.Builder().headers(Map.of("x-own", "kept")).build(),
        bytes("bad"));

    // THEN it is in the dead-letter queue with the reason, and gone from its queue
    await().atMost(PATIENCE).until(() -> handled.contains("bad"));
    GetResponse dead = channel.basicGet(topology.deadLetterQueue(), true);
    assertThat(dead).isNotNull();
    assertThat(new String(dead.getBody(), StandardCharsets.UTF_8)).isEqualTo("bad");
    assertThat(dead.getProps().getDeliveryMode()).isEqualTo(2);
    assertThat(dead.getProps().getHeaders())
        .extractingByKeys(
            Topology.REASON_HEADER, Topology.QUEUE_HEADER, Topology.WORKER_HEADER, "x-own")
        .map(String::valueOf)
        .containsExactly("cannot be read", queue, "w1", "kept");
    assertThat(channel.queueDeclarePassive(queue).getMessageCount()).isZero();
  }

  @Test
  void shouldLeaveWhatComesAfterCancellingInTheQueue() throws Exception {
    subscriber = plan().start(connection, acknowledgingEach());

    subscriber.cancel();
    publish("for the next consumer");

    assertThat(subscriber.isConsuming()).isFalse();
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> assertThat(channel.queueDeclarePassive(queue).getMessageCount()).isEqualTo(1));
    assertThat(handled).isEmpty();
  }

  /** A subscriber of the test's queue that declares it before each subscription. */
  private Subscriber.Builder plan() {
    return Subscriber.to(queue).withPrefetch(2).declaring(this::declareQueue).withBackoff(PROMPTLY);
  }

  private void declareQueue(Connection on) throws IOException {
    try (Channel declaring = on.createChannel()) {
      declaring.queueDeclare(queue, false, false, false, null);
    } catch (TimeoutException e) {
      throw new IOException(e);
    }
  }

  /** Counts each subscription and records and acknowledges each message. */
  private DeliveryHandler.Factory acknowledgingEach() {
    return subscription -> {
      subscriptions.incrementAndGet();
      return delivery -> {
        handled.add(body(delivery));
        subscription.channel().basicAck(delivery.getEnvelope().getDeliveryTag(), false);
      };
    };
  }

  private void publish(String body) throws IOException {
    channel.basicPublish("", queue, null, bytes(body));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String body(Delivery delivery) {
    return new String(delivery.getBody(), StandardCharsets.UTF_8);
  }
}
