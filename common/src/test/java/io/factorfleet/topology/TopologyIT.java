package io.factorfleet.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.factorfleet.broker.BrokerConnector;
import io.factorfleet.broker.BrokerSettings;
import io.factorfleet.testing.EarlierBuild;
import io.factorfleet.testing.RabbitBroker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The queues declared on a real broker: fresh, as an earlier build left them, or at odds. */
@ExtendWith(RabbitBroker.class)
class TopologyIT {
  private BrokerSettings broker;
  private Topology topology;
  private Connection connection;
  private Channel channel;

  @BeforeEach
  void connect(BrokerSettings broker, Topology topology) throws Exception {
    this.broker = broker;
    this.topology = topology;
    connection = new BrokerConnector(broker).open("topology test");
    channel = connection.createChannel();
  }

  @AfterEach
  void cleanUp() throws Exception {
    connection.close();
    RabbitBroker.deleteQueues(broker, topology);
  }

  @Test
  void shouldDeclareNewQueuesWithAtLeastOnceDeadLettering() throws Exception {
    assertThat(topology.declareTaskQueue(connection)).isEqualTo(Topology.Declared.AS_ASKED);
    assertThat(topology.declareResultQueue(connection)).isEqualTo(Topology.Declared.AS_ASKED);

    // declaring again is the same; declaring the earlier way is refused, for the arguments are set
    assertThat(topology.declareTaskQueue(connection)).isEqualTo(Topology.Declared.AS_ASKED);
    assertThatThrownBy(() -> EarlierBuild.declare(channel, topology, topology.taskQueue(), 5))
        .isInstanceOf(IOException.class)
        .hasStackTraceContaining("inequivalent arg 'x-dead-letter-strategy'");
  }

  @Test
  void shouldDeadLetterARejectedTaskToTheDeadLetterQueue() throws Exception {
    topology.declareTaskQueue(connection);
    channel.basicPublish("", topology.taskQueue(), null, bytes("12"));
    GetResponse task = awaitMessage(topology.taskQueue());

    channel.basicReject(task.getEnvelope().getDeliveryTag(), false);

    assertThat(awaitMessage(topology.deadLetterQueue()).getBody()).isEqualTo(bytes("12"));
  }

  @Test
  void shouldUseATaskQueueDeclaredByAnEarlierBuildAsItIsAndKeepItsTasks() throws Exception {
    // GIVEN a task queue of the earlier build holding a task
    EarlierBuild.declare(channel, topology, topology.taskQueue(), 5);
    channel.basicPublish("", topology.taskQueue(), null, bytes("12"));

    // WHEN this build declares it
    Topology.Declared declared = topology.declareTaskQueue(connection);

    // THEN it is used as it is, with its task, and the caller's channel is still open
    assertThat(declared).isEqualTo(Topology.Declared.AS_EARLIER_BUILD_DID);
    assertThat(channel.isOpen()).isTrue();
    assertThat(awaitMessage(topology.taskQueue()).getBody()).isEqualTo(bytes("12"));
    assertThat(topology.declareTaskQueue(connection))
        .isEqualTo(Topology.Declared.AS_EARLIER_BUILD_DID);
  }

  @Test
  void shouldUseAResultQueueDeclaredByAnEarlierBuildAsItIs() throws Exception {
    EarlierBuild.declare(channel, topology, topology.resultQueue(), 5);

    assertThat(topology.declareResultQueue(connection))
        .isEqualTo(Topology.Declared.AS_EARLIER_BUILD_DID);
  }

  @Test
  void shouldRefuseAQueueWithAnotherDeliveryLimitInOneLineSayingWhatToDo() throws Exception {
    EarlierBuild.declare(channel, topology, topology.taskQueue(), 3);

    assertThatThrownBy(() -> topology.declareTaskQueue(connection))
        .isInstanceOf(QueueMismatchException.class)
        .hasMessageStartingWith(
            "queue '" + topology.taskQueue() + "' exists with other arguments than this Factor")
        .hasMessageContaining("x-delivery-limit: received '5' but current is '3'")
        .hasMessageEndingWith(
            "delete the queue once it is empty (rabbitmqctl delete_queue '"
                + topology.taskQueue()
                + "') so that it is declared anew")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThat(connection.isOpen()).isTrue();
  }

  @Test
  void shouldRefuseADeadLetterQueueOfAnotherType() throws Exception {
    channel.queueDeclare(topology.deadLetterQueue(), true, false, false, null);

    assertThatThrownBy(() -> topology.declareTaskQueue(connection))
        .isInstanceOf(QueueMismatchException.class)
        .hasMessageContaining("'" + topology.deadLetterQueue() + "'")
        .hasMessageContaining("x-queue-type");
  }

  private GetResponse awaitMessage(String queue) {
    AtomicReference<GetResponse> got = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              got.set(channel.basicGet(queue, false));
              return got.get() != null;
            });
    return got.get();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
