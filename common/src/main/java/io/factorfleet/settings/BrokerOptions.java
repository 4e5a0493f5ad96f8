package io.factorfleet.settings;

import io.factorfleet.broker.BrokerSettings;
import io.factorfleet.topology.Topology;
import picocli.CommandLine.Option;

/**
 * The options every Factor Fleet program shares: where the broker is and what the queues are
 * called.
 */
public final class BrokerOptions {
  @Option(
      names = "--amqp-uri",
      paramLabel = "URI[,URI...]",
      defaultValue = BrokerSettings.DEFAULT_URI,
      description =
          "RabbitMQ to use; several URIs, comma-separated, for the nodes of a cluster"
              + " (env FLEET_AMQP_URI, default: ${DEFAULT-VALUE}).")
  String amqpUri;

  @Option(
      names = "--task-queue",
      paramLabel = "NAME",
      defaultValue = Topology.DEFAULT_TASK_QUEUE,
      description = "Queue of tasks (env FLEET_TASK_QUEUE, default: ${DEFAULT-VALUE}).")
  String taskQueue;

  @Option(
      names = "--result-queue",
      paramLabel = "NAME",
      defaultValue = Topology.DEFAULT_RESULT_QUEUE,
      description =
          "Queue of results for the aggregator service; job reply queues are named after it"
              + " (env FLEET_RESULT_QUEUE, default: ${DEFAULT-VALUE}).")
  String resultQueue;

  @Option(
      names = "--dead-letter-queue",
      paramLabel = "NAME",
      defaultValue = Topology.DEFAULT_DEAD_LETTER_QUEUE,
      description =
          "Queue of messages that could not be processed"
              + " (env FLEET_DEAD_LETTER_QUEUE, default: ${DEFAULT-VALUE}).")
  String deadLetterQueue;

  @Option(
      names = "--delivery-limit",
      paramLabel = "N",
      defaultValue = "" + Topology.DEFAULT_DELIVERY_LIMIT,
      description =
          "Deliveries of one message before the broker dead-letters it"
              + " (env FLEET_DELIVERY_LIMIT, default: ${DEFAULT-VALUE}).")
  int deliveryLimit;

  /**
   * @throws IllegalArgumentException naming what is wrong
   */
  public BrokerSettings broker() {
    return BrokerSettings.parse(amqpUri);
  }

  /**
   * @throws IllegalArgumentException naming what is wrong
   */
  public Topology topology() {
    return new Topology(taskQueue, resultQueue, deadLetterQueue, deliveryLimit);
  }
}
