package io.factorfleet.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.factorfleet.broker.BrokerConnector;
import io.factorfleet.broker.BrokerSettings;
import io.factorfleet.testing.RabbitBroker;
import io.factorfleet.topology.Topology;
import io.factorfleet.wire.MessageKind;
import io.factorfleet.wire.TaskMessage;
import io.factorfleet.wire.WireCodec;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tasks handed back to the task queue (their worker lost while holding them) wait in a retry queue,
 * longer each time, and go to the dead-letter queue with the reason at the delivery limit.
 */
@ExtendWith(RabbitBroker.class)
class WorkerRetryIT {
  private BrokerSettings broker;
  private Topology topology;
  private Connection connection;
  private Channel channel;
  private String replyQueue;

  @BeforeEach
  void declare(BrokerSettings broker, Topology topology) throws Exception {
    this.broker = broker;
    this.topology = topology;
    connection = new BrokerConnector(broker).open("retry test");
    channel = connection.createChannel();
    topology.declareTaskQueue(connection);
    replyQueue = topology.declareReplyQueue(channel, "job-r");
  }

  @AfterEach
  void clean() throws Exception {
    connection.close();
    RabbitBroker.deleteQueues(broker, topology, replyQueue);
  }

  @Test
  void shouldTryATaskHandedBackAgainOnlyAfterTheFirstRetrysDelay() throws Exception {
    publishTask(Map.of());
    handBackOnce();

    long handedBack = System.nanoTime();
    try (Worker worker = Worker.start(aWorker())) {
      GetResponse reply = BrokerTesting.awaitMessage(() -> channel.basicGet(replyQueue, true));

      assertThat(Duration.ofNanos(System.nanoTime() - handedBack))
          .isGreaterThanOrEqualTo(Duration.ofMillis(topology.retryDelayMillis(1)));
      assertThat(new WireCodec().decodeResult(reply.getBody()).task()).isZero();
      assertThat(channel.queueDeclarePassive(topology.deadLetterQueue()).getMessageCount())
          .isZero();
    }
  }

  @Test
  void shouldDeadLetterATaskHandedBackAsOftenAsTheDeliveryLimitSayingWhy() throws Exception {
    // as if it had come back from its last retry queue, then been handed back once more
    publishTask(Map.of(Topology.RETRIES_HEADER, (long) topology.deliveryLimit() - 1));
    handBackOnce();

    try (Worker worker = Worker.start(aWorker())) {
      GetResponse dead =
          BrokerTesting.awaitMessage(() -> channel.basicGet(topology.deadLetterQueue(), true));

      assertThat(dead.getProps().getHeaders().get(Topology.REASON_HEADER).toString())
          .isEqualTo(
              "handed back "
                  + topology.deliveryLimit()
                  + " times (its workers were lost or failed while holding it), the delivery"
                  + " limit");
      assertThat(dead.getProps().getMessageId()).isEqualTo("job-r/0");
      assertThat(channel.basicGet(replyQueue, true)).isNull();
    }
  }

  private void publishTask(Map<String, Object> headers) throws Exception {
    AMQP.BasicProperties props =
        new AMQP.BasicProperties.Builder()
            .type(MessageKind.TASK.type())
            .replyTo(replyQueue)
            .correlationId("job-r")
            .messageId("job-r/0")
            .deliveryMode(2)
            .headers(new HashMap<>(headers))
            .build();
    channel.basicPublish(
        "",
        topology.taskQueue(),
        props,
        new WireCodec().encode(TaskMessage.of("job-r", 0, java.util.List.of("12"))));
  }

  /** A worker lost while holding the task: taken, then its channel closed unacknowledged. */
  private void handBackOnce() throws Exception {
    Channel lost = connection.createChannel();
    GetResponse taken =
        BrokerTesting.awaitMessage(() -> lost.basicGet(topology.taskQueue(), false));
    assertThat(taken.getEnvelope().isRedeliver()).isFalse();
    lost.close();
  }

  private WorkerSettings aWorker() {
    return BrokerTesting.aWorker(broker, topology, 1);
  }
}
