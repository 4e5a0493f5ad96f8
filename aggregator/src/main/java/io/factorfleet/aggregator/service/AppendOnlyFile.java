package io.factorfleet.aggregator.service;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file of the spool written only at its end, in batches: each batch is appended after the last,
 * made durable with one {@link #force()}, or cut off again when it could not be. What a crash cut
 * short is cut off when the file is opened again ({@link #keepFirst}).
 */
final class AppendOnlyFile implements AutoCloseable {
  private final FileChannel channel;
  private long size;

  private AppendOnlyFile(FileChannel channel) {
    this.channel = channel;
  }

  /**
   * Opens {@code file} to read and append, creating it when missing; its size reads 0 until {@link
   * #keepFirst}.
   */
  static AppendOnlyFile open(Path file) throws IOException {
    return new AppendOnlyFile(
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE));
  }

  /** The channel, to read what was appended. */
  FileChannel channel() {
    return channel;
  }

  /** The file's length in bytes: where the next batch goes, and where a failed one is cut. */
  long size() {
    return size;
  }

  /**
   * Takes the first {@code whole} bytes as the file's content and cuts off, durably, what follows
   * them: the end of a write a crash cut short. Returns how many bytes were cut off.
   */
  long keepFirst(long whole) throws IOException {
    long cut = channel.size() - whole;
    if (cut > 0) {
      channel.truncate(whole);
      channel.force(false);
    }
    size = whole;
    return Math.max(0, cut);
  }

  /** Writes the parts after what the file holds; durable only after {@link #force()}. */
  void append(ByteBuffer... parts) throws IOException {
    long left = 0;
    for (ByteBuffer part : parts) {
      left += part.remaining();
    }
    channel.position(size);
    while (left > 0) {
      left -= channel.write(parts);
    }
    size = channel.position();
  }

  /** Makes everything appended so far durable. */
  void force() throws IOException {
    channel.force(false);
  }

  /**
   * Cuts off what was appended after {@code size}, after a batch that could not be made durable.
   */
  void rollBack(long size) throws IOException {
    channel.truncate(size);
    this.size = size;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
