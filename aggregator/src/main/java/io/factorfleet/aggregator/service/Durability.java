package io.factorfleet.aggregator.service;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Makes a directory's entries durable: a file created or renamed survives a power loss. */
final class Durability {
  private Durability() {}

  /**
   * Forces {@code dir} to storage, so that the names of the files created or renamed in it are
   * durable. Linux allows it; where a directory cannot be opened so, its entries are as durable as
   * that system makes them.
   */
  static void forceDirectory(Path dir) throws IOException {
    FileChannel channel;
    try {
      channel = FileChannel.open(dir, StandardOpenOption.READ);
    } catch (IOException | UnsupportedOperationException notOnThisSystem) {
      return;
    }
    try (channel) {
      channel.force(true);
    }
  }
}
