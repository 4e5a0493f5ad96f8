package io.factorfleet.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.factorfleet.broker.BrokerConnector;
import io.factorfleet.broker.BrokerSettings;
import io.factorfleet.metrics.FleetMetrics;
import io.factorfleet.testing.RabbitBroker;
import io.factorfleet.topology.Topology;
import io.factorfleet.wire.MessageKind;
import io.factorfleet.wire.NumberResult;
import io.factorfleet.wire.ResultMessage;
import io.factorfleet.wire.SealMessage;
import io.factorfleet.wire.WireCodec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A reply consumer on a real broker, closed while it records a reply. */
@ExtendWith(RabbitBroker.class)
class ReplyConsumerIT {
  private static final String JOB = "closing-job";

  private final WireCodec codec = new WireCodec();
  private BrokerSettings broker;
  private Topology topology;
  private Connection connection;
  private Channel channel;
  private String queue;

  @BeforeEach
  void start(BrokerSettings broker, Topology topology) throws Exception {
    this.broker = broker;
    this.topology = topology;
    connection = new BrokerConnector(broker).open("reply consumer test");
    channel = connection.createChannel();
    queue = topology.declareReplyQueue(channel, JOB);
  }

  @AfterEach
  void stop() throws Exception {
    connection.close();
    RabbitBroker.deleteQueues(broker, topology, queue);
  }

  @Test
  void shouldAcknowledgeTheReplyInHandBeforeClosingAndLeaveTheNextInTheQueue() throws Exception {
    // GIVEN a sink that holds on to the first reply until released
    BlockingSink sink = new BlockingSink(1);
    ReplyConsumer consumer =
        new ReplyConsumer(connection, topology, queue, 2, new Aggregator(codec, sink));
    publish(result(0));
    publish(result(1));
    assertThat(sink.entered.await(30, TimeUnit.SECONDS)).as("first reply handed over").isTrue();

    // WHEN the consumer is closed while that reply is in hand
    closeWhileTheFirstReplyIsInHand(consumer, sink);

    // THEN the reply in hand was recorded and acknowledged; the one behind it was not recorded
    // and is back in the queue for whoever consumes next
    assertThat(sink.accepted.get()).isEqualTo(1);
    // The broker requeues the reply left unacknowledged once the consumer's channel is closed; the
    // quorum queue counts it a moment after the close returns.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(channel.queueDeclarePassive(queue).getMessageCount()).isEqualTo(1));
  }

  @Test
  void shouldRecordRepliesOnOtherConsumersWhileOneIsInHand() throws Exception {
    // GIVEN one consumer more than the JVM sees processors, one reply each, and a sink that holds
    // on to every reply but the last consumer's until released
    int held = Runtime.getRuntime().availableProcessors();
    BlockingSink sink = new BlockingSink(held);
    ReplyConsumer consumer =
        new ReplyConsumer(
            connection,
            topology,
            queue,
            held + 1,
            1,
            new Aggregator(codec, sink),
            FleetMetrics.NONE);
    for (int task = 0; task < held; task++) {
      publish(result(task));
    }
    assertThat(sink.entered.await(30, TimeUnit.SECONDS)).as("replies handed over").isTrue();

    // WHEN more replies come while those are in hand
    publish(result(held));
    publish(result(held + 1));

    // THEN the consumer left records them meanwhile, and closing waits for those in hand
    await().atMost(Duration.ofSeconds(30)).until(() -> sink.accepted.get() == 2);
    closeWhileTheFirstReplyIsInHand(consumer, sink);
    assertThat(sink.accepted.get()).isEqualTo(held + 2);
    assertThat(channel.queueDeclarePassive(queue).getMessageCount()).isZero();
  }

  /**
   * Closes the consumer on another thread while the sink holds the first replies, checks that the
   * close waits for them, then lets the sink go on and waits until the close returns.
   */
  private static void closeWhileTheFirstReplyIsInHand(ReplyConsumer consumer, BlockingSink sink)
      throws Exception {
    CompletableFuture<Void> closing =
        CompletableFuture.runAsync(
            () -> {
              try {
                consumer.close();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(300);
    assertThat(closing).as("close waits for the reply in hand").isNotDone();
    sink.release.countDown();
    closing.get(30, TimeUnit.SECONDS);
  }

  private void publish(ResultMessage result) throws Exception {
    AMQP.BasicProperties properties =
        new AMQP.BasicProperties.Builder()
            .type(MessageKind.RESULT.type())
            .contentType(WireCodec.CONTENT_TYPE)
            .deliveryMode(2)
            .build();
    channel.basicPublish("", queue, properties, codec.encode(result));
  }

  private static ResultMessage result(long task) {
    return ResultMessage.of(
        JOB, task, "w1", 1, List.of(NumberResult.complete("6", List.of("2", "3"))));
  }

  /** Records results, those of the first tasks only once the test releases them. */
  private static final class BlockingSink implements ResultSink {
    final int held;
    final CountDownLatch entered;
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger accepted = new AtomicInteger();

    /**
     * @param held the results of tasks 0 to held - 1 are held until released
     */
    BlockingSink(int held) {
      this.held = held;
      this.entered = new CountDownLatch(held);
    }

    @Override
    public boolean accept(ResultMessage result) {
      if (result.task() >= held) {
        accepted.incrementAndGet();
        return true;
      }
      entered.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      accepted.incrementAndGet();
      return true;
    }

    @Override
    public void seal(SealMessage seal) {}
  }
}
