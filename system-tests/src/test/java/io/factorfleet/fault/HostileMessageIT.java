package io.factorfleet.fault;

import static io.factorfleet.fault.FaultChecks.assertAnsweredExactlyOnce;
import static io.factorfleet.fault.FaultChecks.awaitCompletion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.factorfleet.broker.BrokerConnector;
import io.factorfleet.broker.BrokerSettings;
import io.factorfleet.topology.Topology;
import io.factorfleet.wire.MessageKind;
import io.factorfleet.wire.NumberResult;
import io.factorfleet.wire.ResultMessage;
import io.factorfleet.wire.WireCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Messages no producer of this project would send, published straight onto the task queue: none
 * crashes a worker, none holds up a normal job, the unreadable ones end in the dead-letter queue
 * with a reason, and those that name their job and have a reply-to are answered with an error.
 */
class HostileMessageIT {
  private static final String JOB = "hostile-job";
  private static final String REPLY_QUEUE = "hostile.replies";
  private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);

  private static PrivateRabbitNode node;

  @BeforeAll
  static void startBroker() throws Exception {
    FaultPreconditions.assumeToolsInstalled();
    node = PrivateRabbitNode.start("ffhostile-");
  }

  @AfterAll
  static void stopBroker() {
    if (node != null) {
      node.close();
    }
  }

  /** What should become of a hostile message. */
  enum Fate {
    DEAD_LETTERED,
    ANSWERED_WITH_AN_ERROR,
    ANSWERED_WITH_REFUSED_NUMBERS
  }

  /** One hostile message; {@code task} is the index it claims, when it can be read at all. */
  record Hostile(String what, byte[] body, boolean replyTo, long task, Fate fate) {
    static Hostile of(String what, String body, boolean replyTo, long task, Fate fate) {
      return new Hostile(what, body.getBytes(StandardCharsets.UTF_8), replyTo, task, fate);
    }
  }

  static List<Hostile> hostileMessages() {
    byte[] garbage = new byte[1024];
    new Random(5).nextBytes(garbage);
    String huge = "1".repeat(5 * 1024 * 1024);
    return List.of(
        Hostile.of("truncated JSON", "{\"version\":1,\"job\":", true, -1, Fate.DEAD_LETTERED),
        Hostile.of(
            "unknown schema version",
            task(99, JOB, "1", "[\"12\"]"),
            true,
            1,
            Fate.ANSWERED_WITH_AN_ERROR),
        Hostile.of(
            "numbers not an array",
            task(1, JOB, "2", "\"12\""),
            true,
            2,
            Fate.ANSWERED_WITH_AN_ERROR),
        Hostile.of(
            "task index not a number",
            task(1, JOB, "\"three\"", "[\"12\"]"),
            true,
            -1,
            Fate.DEAD_LETTERED),
        Hostile.of(
            "non-numeric and negative numbers",
            task(1, JOB, "4", "[\"abc\",\"-5\",\"12\"]"),
            true,
            4,
            Fate.ANSWERED_WITH_REFUSED_NUMBERS),
        Hostile.of("empty batch", task(1, JOB, "5", "[]"), true, 5, Fate.ANSWERED_WITH_AN_ERROR),
        Hostile.of(
            "number over the digit limit",
            task(1, JOB, "6", "[\"1" + "0".repeat(150) + "\",\"15\"]"),
            true,
            6,
            Fate.ANSWERED_WITH_REFUSED_NUMBERS),
        Hostile.of(
            "body over 4 MiB that names its task first",
            task(1, JOB, "7", "[\"" + huge + "\"]"),
            true,
            7,
            Fate.ANSWERED_WITH_AN_ERROR),
        Hostile.of(
            "body over 4 MiB with its numbers before its task",
            "{\"numbers\":[\"" + huge + "\"],\"version\":1,\"job\":\"" + JOB + "\",\"task\":12}",
            true,
            -1,
            Fate.DEAD_LETTERED),
        new Hostile("binary garbage", garbage, true, -1, Fate.DEAD_LETTERED),
        Hostile.of(
            "valid task without reply-to",
            task(1, JOB, "9", "[\"12\"]"),
            false,
            -1,
            Fate.DEAD_LETTERED),
        Hostile.of("JSON array", "[1,2,3]", true, -1, Fate.DEAD_LETTERED),
        Hostile.of(
            "job id escaping the data directory",
            task(1, "../../etc/passwd", "11", "[\"12\"]"),
            true,
            -1,
            Fate.DEAD_LETTERED),
        Hostile.of("empty body", "", true, -1, Fate.DEAD_LETTERED));
  }

  private static String task(int version, String job, String task, String numbers) {
    return "{\"version\":"
        + version
        + ",\"job\":\""
        + job
        + "\",\"task\":"
        + task
        + ",\"numbers\":"
        + numbers
        + "}";
  }

  @Test
  void shouldDeadLetterUnreadableTasksAnswerIdentifiableOnesAndStillCompleteANormalJob(
      @TempDir Path dir) throws Exception {
    Topology topology = Topology.withPrefix("hostile.");
    BrokerSettings broker = BrokerSettings.parse(node.amqpUri().toString());
    Path data = dir.resolve("data");
    List<Hostile> hostile = hostileMessages();
    long expectedDeadLetters = hostile.stream().filter(h -> h.fate() == Fate.DEAD_LETTERED).count();
    FleetTally tally = new FleetTally();
    try (FleetLauncher fleet = new FleetLauncher(dir, broker, topology);
        Connection connection = new BrokerConnector(broker).open("hostile publisher")) {
      FleetProcess aggregator = fleet.aggregator("aggregator", data);
      FleetProcess w1 = fleet.worker("w1");
      FleetProcess w2 = fleet.worker("w2");
      Channel channel = connection.createChannel();
      channel.queueDeclare(REPLY_QUEUE, true, false, false, null);

      // WHEN the hostile messages go first, then a normal job
      publish(channel, topology, hostile);
      long started = System.nanoTime();
      SubmittedJob job = fleet.submit(Jobs.numbers(5), Jobs.CHUNK_SIZE, data);
      awaitCompletion(job, fleet);
      double seconds = Jobs.secondsSince(started);

      // THEN the normal job is answered exactly once
      assertAnsweredExactlyOnce(job);
      // the unreadable messages are dead-lettered, each with its reason
      List<GetResponse> deadLetters =
          drain(channel, topology.deadLetterQueue(), expectedDeadLetters);
      assertThat(deadLetters)
          .allSatisfy(
              d ->
                  assertThat(d.getProps().getHeaders())
                      .as("headers of a dead letter")
                      .containsKey(Topology.REASON_HEADER));
      assertThat(reasons(deadLetters))
          .anyMatch(r -> r.contains("no reply-to"))
          .anyMatch(r -> r.contains("over the limit"))
          .anyMatch(r -> r.contains("not JSON"));
      // the identifiable ones are answered, with errors where they are due
      Map<Long, ResultMessage> answers = answersByTask(channel, hostile);
      for (Hostile h : hostile) {
        if (h.fate() == Fate.ANSWERED_WITH_AN_ERROR) {
          assertThat(answers.get(h.task()).results())
              .as("answer to the %s", h.what())
              .singleElement()
              .satisfies(r -> assertThat(r.error()).contains("could not be read"));
        }
      }
      assertThat(answers.get(7L).results().get(0).error()).contains("over the limit");
      assertThat(answers.get(4L).results())
          .extracting(NumberResult::isRefused)
          .containsExactly(true, true, false);
      assertThat(answers.get(6L).results())
          .extracting(NumberResult::isRefused)
          .containsExactly(true, false);
      // and no process crashed
      tally.stopWorker(w1);
      tally.stopWorker(w2);
      tally.stopAggregator(aggregator);
      assertThat(tally.resultsRecorded()).isEqualTo(job.tasks());
      ReliabilityReport.record(
          new ReliabilityReport.Row(
              5,
              hostile.size()
                  + " hostile messages on the task queue ("
                  + answers.size()
                  + " answered, with errors where due), then a normal job",
              job.numbers().size(),
              job.tasks() + hostile.size(),
              tally.resultsRecorded(),
              tally.duplicatesDropped(),
              deadLetters.size(),
              tally.workerAnswers(),
              seconds));
    }
  }

  private static void publish(Channel channel, Topology topology, List<Hostile> hostile)
      throws Exception {
    topology.declareTaskQueue(channel.getConnection());
    channel.confirmSelect();
    for (Hostile h : hostile) {
      AMQP.BasicProperties.Builder props =
          new AMQP.BasicProperties.Builder()
              .contentType(WireCodec.CONTENT_TYPE)
              .type(MessageKind.TASK.type())
              .deliveryMode(2);
      if (h.replyTo()) {
        props.replyTo(REPLY_QUEUE);
      }
      channel.basicPublish("", topology.taskQueue(), props.build(), h.body());
    }
    channel.waitForConfirmsOrDie(DELIVERY_TIMEOUT.toMillis());
  }

  /** Waits until {@code queue} holds {@code count} messages, then takes them all. */
  private static List<GetResponse> drain(Channel channel, String queue, long count)
      throws Exception {
    await(count + " messages in " + queue)
        .atMost(DELIVERY_TIMEOUT)
        .until(() -> channel.queueDeclarePassive(queue).getMessageCount() >= count);
    List<GetResponse> messages = new ArrayList<>();
    for (GetResponse r = channel.basicGet(queue, true);
        r != null;
        r = channel.basicGet(queue, true)) {
      messages.add(r);
    }
    assertThat(messages).as("messages in %s", queue).hasSize((int) count);
    return messages;
  }

  private static List<String> reasons(List<GetResponse> deadLetters) {
    return deadLetters.stream()
        .map(d -> String.valueOf(d.getProps().getHeaders().get(Topology.REASON_HEADER)))
        .toList();
  }

  private static Map<Long, ResultMessage> answersByTask(Channel channel, List<Hostile> hostile)
      throws Exception {
    long expected = hostile.stream().filter(h -> h.fate() != Fate.DEAD_LETTERED).count();
    WireCodec codec = new WireCodec();
    Map<Long, ResultMessage> answers = new TreeMap<>();
    for (GetResponse reply : drain(channel, REPLY_QUEUE, expected)) {
      ResultMessage result = codec.decodeResult(reply.getBody());
      assertThat(result.job()).isEqualTo(JOB);
      assertThat(answers.put(result.task(), result))
          .as("answers to task %d", result.task())
          .isNull();
    }
    return answers;
  }
}
