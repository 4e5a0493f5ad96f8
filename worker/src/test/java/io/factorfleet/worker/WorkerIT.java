package io.factorfleet.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.factorfleet.broker.BrokerConnector;
import io.factorfleet.broker.BrokerSettings;
import io.factorfleet.broker.UriPasswords;
import io.factorfleet.metrics.Health;
import io.factorfleet.testing.CapturedLogs;
import io.factorfleet.testing.RabbitBroker;
import io.factorfleet.topology.Topology;
import io.factorfleet.wire.MessageKind;
import io.factorfleet.wire.NumberResult;
import io.factorfleet.wire.ResultMessage;
import io.factorfleet.wire.TaskMessage;
import io.factorfleet.wire.WireCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One worker against a real broker: answers, refusals, dead letters, recovery, health. */
@ExtendWith(RabbitBroker.class)
class WorkerIT {
  private final WireCodec codec = new WireCodec();

  private BrokerSettings broker;
  private Topology topology;
  private Connection connection;
  private Channel channel;
  private String replyQueue;
  private Worker worker;

  @BeforeEach
  void start(BrokerSettings broker, Topology topology) throws Exception {
    this.broker = broker;
    this.topology = topology;
    connection = new BrokerConnector(broker).open("worker test");
    channel = connection.createChannel();
    replyQueue = topology.declareReplyQueue(channel, "job-1");
    worker = Worker.start(aWorker());
  }

  @AfterEach
  void stop() throws Exception {
    worker.close();
    connection.close();
    RabbitBroker.deleteQueues(broker, topology, replyQueue);
  }

  @Test
  void shouldAnswerATaskOnItsReplyQueue() throws Exception {
    publishTask(codec.encode(TaskMessage.of("job-1", 3, List.of("12", "oops"))), replyQueue);

    ResultMessage result = codec.decodeResult(nextReply().getBody());

    assertThat(result.task()).isEqualTo(3);
    assertThat(result.worker()).isEqualTo("w1");
    assertThat(result.results())
        .containsExactly(
            NumberResult.complete("12", List.of("2", "2", "3")),
            NumberResult.refused("oops", "'oops' is not a valid positive integer"));
  }

  @Test
  void shouldAnswerATaskOfTheEarlierSchemaVersionInThatVersion() throws Exception {
    TaskMessage earlier = new TaskMessage(WireCodec.FIRST_VERSION, "job-1", 4, List.of("12"));
    publishTask(codec.encode(earlier), replyQueue);

    String reply = new String(nextReply().getBody(), StandardCharsets.UTF_8);

    assertThat(reply)
        .startsWith("{\"version\":1,")
        .contains("\"results\":[{\"n\":\"12\",\"factors\":[\"2\",\"2\",\"3\"]}]");
  }

  @Test
  void shouldAnswerAnUnreadableTaskOfAKnownJobWithAnError() throws Exception {
    publishTask(
        "{\"version\":1,\"job\":\"job-1\",\"task\":5,\"numbers\":\"12\"}"
            .getBytes(StandardCharsets.UTF_8),
        replyQueue);

    ResultMessage result = codec.decodeResult(nextReply().getBody());

    assertThat(result.task()).isEqualTo(5);
    assertThat(result.version())
        .as("a version every build reads")
        .isEqualTo(WireCodec.FIRST_VERSION);
    assertThat(result.results()).hasSize(1);
    assertThat(result.results().get(0).error())
        .startsWith("task 5 of job job-1 could not be read: not a TaskMessage");
  }

  @Test
  void shouldDeadLetterAnUndecodableTaskWithTheReason() throws Exception {
    publishTask(new byte[] {(byte) 0xff, 0x00, 0x13}, replyQueue);

    GetResponse dead =
        BrokerTesting.awaitMessage(() -> channel.basicGet(topology.deadLetterQueue(), true));

    assertThat(dead.getBody()).containsExactly((byte) 0xff, 0x00, 0x13);
    assertThat(dead.getProps().getHeaders().get(Topology.REASON_HEADER).toString())
        .startsWith("undecodable task: not JSON");
    assertThat(worker.deadLettered()).isEqualTo(1);
    assertThat(worker.health().healthy()).isTrue();
  }

  @Test
  void shouldDeadLetterATaskWithoutReplyTo() throws Exception {
    publishTask(codec.encode(TaskMessage.of("job-1", 0, List.of("12"))), null);

    GetResponse dead =
        BrokerTesting.awaitMessage(() -> channel.basicGet(topology.deadLetterQueue(), true));

    assertThat(dead.getProps().getHeaders().get(Topology.REASON_HEADER).toString())
        .isEqualTo("task has no reply-to");
  }

  @Test
  void shouldConsumeAgainWhenTheBrokerCancelsItsConsumer() throws Exception {
    channel.queueDelete(topology.taskQueue());
    await().atMost(BrokerTesting.PATIENCE).until(() -> !worker.health().healthy());
    await().atMost(BrokerTesting.PATIENCE).until(() -> worker.health().healthy());

    publishTask(codec.encode(TaskMessage.of("job-1", 0, List.of("9"))), replyQueue);

    assertThat(codec.decodeResult(nextReply().getBody()).results())
        .containsExactly(NumberResult.complete("9", List.of("3", "3")));
  }

  @Test
  void shouldBeUnhealthyOnceStopped() {
    assertThat(worker.health()).isEqualTo(Health.up());
    worker.close();
    assertThat(worker.health()).isEqualTo(Health.down("stopped"));
  }

  @Test
  void shouldNameTheBrokerInItsLogWithThePasswordMasked() throws Exception {
    String userInfo = broker.primary().getUserInfo();
    assumeThat(userInfo).as("a test broker URI with a password").contains(":");
    String password = userInfo.substring(userInfo.indexOf(':') + 1);

    String logged;
    try (CapturedLogs logs = CapturedLogs.start()) {
      Worker.start(aWorker()).close();
      logged = logs.text();
    }

    assertThat(logged)
        .contains("worker w1 consuming " + topology.taskQueue() + " at " + broker.display())
        .contains(":" + UriPasswords.MASK + "@")
        .doesNotContain(":" + password + "@");
  }

  private void publishTask(byte[] body, String replyTo) throws Exception {
    AMQP.BasicProperties props =
        new AMQP.BasicProperties.Builder()
            .type(MessageKind.TASK.type())
            .replyTo(replyTo)
            .headers(Map.of("test", "yes"))
            .build();
    channel.basicPublish("", topology.taskQueue(), props, body);
  }

  private GetResponse nextReply() {
    return BrokerTesting.awaitMessage(() -> channel.basicGet(replyQueue, true));
  }

  private WorkerSettings aWorker() {
    return BrokerTesting.aWorker(broker, topology, 2);
  }
}
