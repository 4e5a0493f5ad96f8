package io.factorfleet.cli;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.factorfleet.broker.BrokerConnector;
import io.factorfleet.broker.BrokerSettings;
import io.factorfleet.broker.BrokerUnavailableException;
import io.factorfleet.cli.status.FleetQueueStats;
import io.factorfleet.cli.status.ManagementApi;
import io.factorfleet.cli.status.ManagementApiException;
import io.factorfleet.cli.status.ManagementEndpoint;
import io.factorfleet.cli.status.QueueDepth;
import io.factorfleet.cli.status.StatusTable;
import io.factorfleet.settings.BrokerOptions;
import io.factorfleet.topology.Topology;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code fleet status}: how much work is queued, who is consuming it and how fast. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Shows the fleet's task, result and dead-letter queues, one line each, then the jobs in"
          + " flight (the reply queues <result-queue>.<job-id>) and one line for each of them."
          + " Columns: QUEUE, READY (messages waiting), UNACKED (delivered, not yet"
          + " acknowledged), CONSUMERS, PUBLISH/S and DELIVER/S (messages per second, as"
          + " RabbitMQ's management API last sampled them); - for a queue not declared yet.",
      "When the management API does not answer, shows QUEUE, MESSAGES (waiting) and CONSUMERS"
          + " of the three queues, read over AMQP, and says why on standard error."
    })
public final class StatusCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin BrokerOptions brokerOptions;

  @Option(
      names = "--management-uri",
      paramLabel = "URI",
      defaultValue = ManagementEndpoint.DEFAULT_URI,
      description =
          "RabbitMQ's management HTTP API, for rates and jobs in flight, given 2 s to answer;"
              + " it is asked about the virtual host of --amqp-uri, as the user of this URI or,"
              + " when it names none, as --amqp-uri logs in (with the password of"
              + " --amqp-password-file when given)"
              + " (env FLEET_MANAGEMENT_URI, default: ${DEFAULT-VALUE}).")
  String managementUri;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Topology topology;
    BrokerConnector connector;
    ManagementEndpoint management;
    try {
      topology = brokerOptions.topology();
      BrokerSettings broker = brokerOptions.broker();
      connector = new BrokerConnector(broker);
      management = ManagementEndpoint.of(managementUri, broker);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    try (Connection connection = connector.open("fleet status")) {
      try {
        FleetQueueStats stats = new ManagementApi(management).fleetQueues(topology);
        StatusTable.print(out, stats);
      } catch (ManagementApiException e) {
        StatusTable.printDepths(out, depths(connection, topology));
        err.println(
            "fleet: RabbitMQ's management API at "
                + management.display()
                + " did not answer ("
                + e.getMessage()
                + "); rates and jobs in flight are not shown");
      }
      return 0;
    } catch (BrokerUnavailableException e) {
      err.println("fleet: " + e.getMessage());
      return FleetCommand.BROKER_UNAVAILABLE;
    }
  }

  private static List<QueueDepth> depths(Connection connection, Topology topology)
      throws IOException {
    List<QueueDepth> depths = new ArrayList<>();
    for (String queue :
        List.of(topology.taskQueue(), topology.resultQueue(), topology.deadLetterQueue())) {
      AMQP.Queue.DeclareOk ok = inspect(connection, queue);
      depths.add(
          ok == null
              ? QueueDepth.absent(queue)
              : new QueueDepth(queue, true, ok.getMessageCount(), ok.getConsumerCount()));
    }
    return depths;
  }

  /** The queue's counts, or null when it has not been declared yet. */
  private static AMQP.Queue.DeclareOk inspect(Connection connection, String queue)
      throws IOException {
    // A passive declare of a missing queue closes its channel, so each queue gets its own.
    Channel channel = connection.createChannel();
    try {
      return channel.queueDeclarePassive(queue);
    } catch (IOException notDeclared) {
      return null;
    } finally {
      if (channel.isOpen()) {
        try {
          channel.close();
        } catch (TimeoutException e) {
          channel.abort();
        }
      }
    }
  }
}
