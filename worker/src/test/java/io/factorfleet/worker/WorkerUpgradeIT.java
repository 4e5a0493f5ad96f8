package io.factorfleet.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.factorfleet.broker.BrokerConnector;
import io.factorfleet.broker.BrokerSettings;
import io.factorfleet.broker.BrokerUnavailableException;
import io.factorfleet.testing.EarlierBuild;
import io.factorfleet.testing.RabbitBroker;
import io.factorfleet.topology.Topology;
import io.factorfleet.wire.MessageKind;
import io.factorfleet.wire.NumberResult;
import io.factorfleet.wire.TaskMessage;
import io.factorfleet.wire.WireCodec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A worker of this build started on a task queue that an earlier build declared. */
@ExtendWith(RabbitBroker.class)
class WorkerUpgradeIT {
  private final WireCodec codec = new WireCodec();
  private BrokerSettings broker;
  private Topology topology;
  private Connection connection;
  private Channel channel;
  private String replyQueue;

  @BeforeEach
  void connect(BrokerSettings broker, Topology topology) throws Exception {
    this.broker = broker;
    this.topology = topology;
    connection = new BrokerConnector(broker).open("worker upgrade test");
    channel = connection.createChannel();
    replyQueue = topology.declareReplyQueue(channel, "job-u");
  }

  @AfterEach
  void cleanUp() throws Exception {
    connection.close();
    RabbitBroker.deleteQueues(broker, topology, replyQueue);
  }

  @Test
  void shouldAnswerTheTasksLeftInATaskQueueOfTheEarlierBuild() throws Exception {
    // GIVEN a task waiting in the task queue as the earlier build declared it
    EarlierBuild.declare(channel, topology, topology.taskQueue(), Topology.DEFAULT_DELIVERY_LIMIT);
    channel.basicPublish(
        "",
        topology.taskQueue(),
        new AMQP.BasicProperties.Builder()
            .type(MessageKind.TASK.type())
            .replyTo(replyQueue)
            .build(),
        codec.encode(TaskMessage.of("job-u", 0, List.of("12"))));

    // WHEN a worker of this build starts, THEN it answers the task
    try (Worker worker = Worker.start(aWorker())) {
      assertThat(codec.decodeResult(nextReply().getBody()).results())
          .containsExactly(NumberResult.complete("12", List.of("2", "2", "3")));
      assertThat(worker.health().healthy()).isTrue();
    }
  }

  @Test
  void shouldRefuseToStartOnATaskQueueOfAnotherDeliveryLimitSayingWhatToDo() throws Exception {
    EarlierBuild.declare(channel, topology, topology.taskQueue(), 2);

    assertThatThrownBy(() -> Worker.start(aWorker()))
        .isInstanceOf(BrokerUnavailableException.class)
        .hasMessageContaining("queue '" + topology.taskQueue() + "' exists with other arguments")
        .hasMessageContaining("x-delivery-limit")
        .hasMessageContaining("rabbitmqctl delete_queue");
  }

  private GetResponse nextReply() {
    AtomicReference<GetResponse> got = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              got.set(channel.basicGet(replyQueue, true));
              return got.get() != null;
            });
    return got.get();
  }

  private WorkerSettings aWorker() {
    return new WorkerSettings(
        broker,
        topology,
        "w-upgraded",
        1,
        2,
        100,
        Duration.ofSeconds(30),
        Duration.ofMinutes(5),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10));
  }
}
