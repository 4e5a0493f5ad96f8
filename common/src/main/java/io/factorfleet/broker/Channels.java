package io.factorfleet.broker;

import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/** What every owner of a channel does with it at the end. */
public final class Channels {
  private Channels() {}

  /**
   * Closes {@code channel} if it is open, whatever goes wrong: a channel that cannot be closed goes
   * with its connection, which its owner closes next.
   */
  public static void closeQuietly(Channel channel) {
    try {
      if (channel.isOpen()) {
        channel.close();
      }
    } catch (IOException | TimeoutException | RuntimeException e) {
      // the connection's close takes the channel with it
    }
  }
}
