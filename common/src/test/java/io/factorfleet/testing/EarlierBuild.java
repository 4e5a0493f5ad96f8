package io.factorfleet.testing;

import com.rabbitmq.client.Channel;
import io.factorfleet.topology.Topology;
import java.io.IOException;
import java.util.Map;

/**
 * Declares queues as the build before at-least-once dead-lettering did, for the tests of a fleet
 * upgraded in place.
 */
public final class EarlierBuild {
  private EarlierBuild() {}

  /** Declares {@code queue} of {@code topology}, and its dead-letter queue, the earlier way. */
  public static void declare(Channel channel, Topology topology, String queue, int deliveryLimit)
      throws IOException {
    channel.queueDeclare(
        topology.deadLetterQueue(), true, false, false, Map.of("x-queue-type", "quorum"));
    channel.queueDeclare(
        queue,
        true,
        false,
        false,
        Map.of(
            "x-queue-type",
            "quorum",
            "x-delivery-limit",
            deliveryLimit,
            "x-dead-letter-exchange",
            "",
            "x-dead-letter-routing-key",
            topology.deadLetterQueue()));
  }
}
