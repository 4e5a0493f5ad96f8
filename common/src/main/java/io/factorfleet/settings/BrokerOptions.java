package io.factorfleet.settings;

import io.factorfleet.broker.BrokerSettings;
import io.factorfleet.topology.Topology;
import java.nio.file.Path;
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
      names = "--amqp-password-file",
      paramLabel = "PATH",
      description =
          "File whose first line is the password of the --amqp-uri URIs, in place of theirs (the"
              + " user stays the URI's), as Docker and Kubernetes mount secrets"
              + " (env FLEET_AMQP_PASSWORD_FILE, default: none, the password of --amqp-uri).")
  Path amqpPasswordFile;

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
   * The broker, with the password of the password file when one is given; the file is read at each
   * call.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public BrokerSettings broker() {
    BrokerSettings broker = BrokerSettings.parse(amqpUri);
    return amqpPasswordFile == null
        ? broker
        : broker.withPassword(PasswordFile.read(amqpPasswordFile));
  }

  /**
   * @throws IllegalArgumentException naming what is wrong
   */
  public Topology topology() {
    return new Topology(taskQueue, resultQueue, deadLetterQueue, deliveryLimit);
  }
}
