package io.factorfleet.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.factorfleet.broker.BrokerConnector;
import io.factorfleet.broker.BrokerSettings;
import io.factorfleet.producer.JobPublisher;
import io.factorfleet.topology.Topology;
import io.factorfleet.wire.TaskMessage;
import io.factorfleet.wire.WireCodec;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The broker node stopped and started again while the producer is still publishing: what was
 * unconfirmed when the connection dropped is published again once it is back, so every task reaches
 * the queue, some perhaps twice (the aggregator drops those duplicates).
 */
class PublisherRecoveryIT {
  /** Tasks published after the broker is back, so that publishing spans the restart. */
  private static final int TASKS_AFTER_RESTART = 500;

  /** A bound on the job, whatever the timing. */
  private static final int MAX_TASKS = 500_000;

  private static PrivateRabbitNode node;

  @BeforeAll
  static void startBroker() throws Exception {
    FaultPreconditions.assumeToolsInstalled();
    node = PrivateRabbitNode.start("ffpublish-");
  }

  @AfterAll
  static void stopBroker() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void shouldPublishEveryTaskWhenTheBrokerRestartsWhilePublishing() throws Exception {
    Topology topology = Topology.withPrefix("publisher-recovery.");
    BrokerSettings broker = BrokerSettings.parse(node.amqpUri().toString());
    WireCodec codec = new WireCodec();
    long started = System.nanoTime();
    try (Connection connection = new BrokerConnector(broker).open("publisher recovery test")) {
      topology.declareTaskQueue(connection);
      JobPublisher publisher =
          new JobPublisher(connection, topology, "job-r", "nowhere", 16, Duration.ofMinutes(2));
      AtomicLong restartedAt = new AtomicLong(MAX_TASKS);
      CompletableFuture<Void> publishing =
          CompletableFuture.runAsync(
              () -> {
                try {
                  for (int i = 0;
                      i < MAX_TASKS && i < restartedAt.get() + TASKS_AFTER_RESTART;
                      i++) {
                    publisher.publish(i, List.of(Integer.toString(i)));
                  }
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });

      // WHEN the node stops while tasks are being published, and comes back
      await()
          .atMost(Duration.ofMinutes(1))
          .until(
              () -> {
                assertThat(publishing).as("publishing until the broker is back").isNotDone();
                return publisher.tasks() >= 500;
              });
      node.stop();
      node.start();
      restartedAt.set(publisher.tasks());
      publishing.get(3, TimeUnit.MINUTES);
      publisher.seal();
      int tasks = (int) publisher.tasks();

      // THEN every task is in the queue at least once
      BitSet seen = new BitSet(tasks);
      int messages = 0;
      try (Channel channel = connection.createChannel()) {
        for (GetResponse got = channel.basicGet(topology.taskQueue(), true);
            got != null;
            got = channel.basicGet(topology.taskQueue(), true)) {
          TaskMessage task = codec.decodeTask(got.getBody());
          seen.set((int) task.task());
          messages++;
        }
      }
      assertThat(seen.cardinality()).as("distinct tasks in the queue").isEqualTo(tasks);
      assertThat(seen.length()).isEqualTo(tasks);
      assertThat(messages - tasks)
          .as("tasks published twice")
          .isLessThanOrEqualTo((int) publisher.republished());
      ReliabilityReport.record(
          new ReliabilityReport.Row(
              7,
              "broker node stopped and started while the producer was still publishing ("
                  + publisher.republished()
                  + " tasks published again, "
                  + messages
                  + " messages in the queue for "
                  + tasks
                  + " tasks)",
              tasks,
              tasks,
              -1,
              -1,
              0,
              -1,
              (System.nanoTime() - started) / 1e9));
      publisher.close();
    }
  }
}
