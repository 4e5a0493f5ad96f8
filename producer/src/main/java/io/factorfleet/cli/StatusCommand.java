package io.factorfleet.cli;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.factorfleet.broker.BrokerConnector;
import io.factorfleet.broker.BrokerUnavailableException;
import io.factorfleet.settings.BrokerOptions;
import io.factorfleet.topology.Topology;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code fleet status}: how much work is queued and who is consuming it. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Shows the depth and consumer count of the fleet's queues.")
public final class StatusCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin BrokerOptions brokerOptions;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Topology topology;
    BrokerConnector connector;
    try {
      topology = brokerOptions.topology();
      connector = new BrokerConnector(brokerOptions.broker());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    List<String> queues =
        List.of(topology.taskQueue(), topology.resultQueue(), topology.deadLetterQueue());
    int width = queues.stream().mapToInt(String::length).max().orElse(5);
    try (Connection connection = connector.open("fleet status")) {
      out.printf("%-" + width + "s %10s %10s%n", "QUEUE", "MESSAGES", "CONSUMERS");
      for (String queue : queues) {
        AMQP.Queue.DeclareOk ok = inspect(connection, queue);
        if (ok == null) {
          out.printf("%-" + width + "s %10s %10s%n", queue, "-", "-");
        } else {
          out.printf(
              "%-" + width + "s %10d %10d%n", queue, ok.getMessageCount(), ok.getConsumerCount());
        }
      }
      return 0;
    } catch (BrokerUnavailableException e) {
      err.println("fleet: " + e.getMessage());
      return FleetCommand.BROKER_UNAVAILABLE;
    }
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
