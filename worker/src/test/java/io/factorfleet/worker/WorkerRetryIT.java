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
import java.util.List;
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
  void shouldWorkOnATaskHandedBackOnceOnlyAfterASecond() throws Exception {
    publishTask();
    handBack(1);

    assertAnsweredNoSoonerThan(Duration.ofSeconds(1));
  }

  @Test
  void shouldWaitTwiceAsLongForEachReturn() throws Exception {
    publishTask();
    handBack(3);

    assertAnsweredNoSoonerThan(Duration.ofSeconds(4));
  }

  @Test
  void shouldLeaveATaskHandedBackPastTheDeliveryLimitToTheBrokersDeadLettering() throws Exception {
    publishTask();
    handBack(topology.deliveryLimit() + 1);

    GetResponse dead =
        BrokerTesting.awaitMessage(() -> channel.basicGet(topology.deadLetterQueue(), true));

    assertThat(dead.getProps().getMessageId()).isEqualTo("job-r/0");
    assertThat(dead.getProps().getHeaders().get("x-first-death-reason").toString())
        .isEqualTo("delivery_limit");
    assertThat(channel.queueDeclarePassive(topology.taskQueue()).getMessageCount()).isZero();
  }

  private void assertAnsweredNoSoonerThan(Duration delay) throws Exception {
    long handedBack = System.nanoTime();
    try (Worker worker = Worker.start(aWorker())) {
      GetResponse reply = BrokerTesting.awaitMessage(() -> channel.basicGet(replyQueue, true));

      assertThat(Duration.ofNanos(System.nanoTime() - handedBack)).isGreaterThanOrEqualTo(delay);
      assertThat(new WireCodec().decodeResult(reply.getBody()).task()).isZero();
      assertThat(worker.tasksAnswered()).isEqualTo(1);
    }
  }

  private void publishTask() throws Exception {
    AMQP.BasicProperties props =
        new AMQP.BasicProperties.Builder()
            .type(MessageKind.TASK.type())
            .replyTo(replyQueue)
            .correlationId("job-r")
            .messageId("job-r/0")
            .deliveryMode(2)
            .build();
    channel.basicPublish(
        "",
        topology.taskQueue(),
        props,
        new WireCodec().encode(TaskMessage.of("job-r", 0, List.of("12"))));
  }

  /**
   * Workers lost while holding the task, {@code times} over: taken each time, then the channel
   * closed unacknowledged.
   */
  private void handBack(int times) throws Exception {
    for (int i = 0; i < times; i++) {
      Channel lost = connection.createChannel();
      BrokerTesting.awaitMessage(() -> lost.basicGet(topology.taskQueue(), false));
      lost.close();
    }
  }

  private WorkerSettings aWorker() {
    return BrokerTesting.aWorker(broker, topology, 1);
  }
}
