package io.factorfleet.aggregator.service;

import io.factorfleet.wire.SealMessage;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal of one job still being collected: an append-only file of the job's {@link
 * TaskRecord}s and its seal, each record followed by a CRC-32C of it, so that a record a crash cut
 * short is recognised and cut off when the journal is opened again. Records are appended in batches
 * and made durable with one {@link #force()} per batch; only then does the service acknowledge
 * them, and only then does {@link #noteTask} count them as recorded.
 *
 * <p>A task record is {@code 'R'}, the task (8 bytes), its numbers, errors and the lengths of its
 * lines, error lines and info (4 bytes each), those three, then the CRC. A seal is {@code 'S'}, the
 * tasks and numbers (8 bytes each), then the CRC. Big-endian.
 */
final class JobJournal implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(JobJournal.class);

  /** The journal's file name in the job's spool directory. */
  static final String FILE = "journal";

  private static final byte RESULT = 'R';
  private static final byte SEAL = 'S';
  private static final int RESULT_HEADER = 1 + 8 + 4 * 5;
  private static final int SEAL_BODY = 1 + 8 + 8;
  private static final int CRC = 4;

  private final Path file;
  private final FileChannel channel;
  private final BitSet received = new BitSet();
  private long size;
  private SealMessage seal;
  private long sealedTasks = -1;
  private long sealedNumbers;
  private long numbers;
  private long errors;

  private JobJournal(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /**
   * Opens the journal in {@code dir}, creating both when missing (and making their names durable);
   * reads what it holds, and cuts off a last record left incomplete by a crash.
   */
  static JobJournal open(Path dir) throws IOException {
    boolean created = !Files.isDirectory(dir);
    Files.createDirectories(dir);
    Path file = dir.resolve(FILE);
    boolean newFile = !Files.exists(file);
    FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    JobJournal journal = new JobJournal(file, channel);
    try {
      if (newFile) {
        Durability.forceDirectory(dir);
        if (created) {
          Durability.forceDirectory(dir.getParent());
        }
      } else {
        journal.readExisting();
      }
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    return journal;
  }

  /**
   * How many task records the journal at {@code file} holds whole, read without opening it for
   * writing: what a service restarted now would find recorded. 0 when there is no journal.
   */
  static long tasksIn(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      Reader reader = new Reader(in);
      long tasks = 0;
      for (Reader.Entry e = reader.next(); e != null; e = reader.next()) {
        if (e.kind == RESULT) {
          tasks++;
        }
      }
      return tasks;
    } catch (NoSuchFileException e) {
      return 0;
    }
  }

  private void readExisting() throws IOException {
    long length = channel.size();
    try (InputStream in = Files.newInputStream(file)) {
      Reader reader = new Reader(in);
      for (Reader.Entry e = reader.next(); e != null; e = reader.next()) {
        if (e.kind == RESULT) {
          received.set(Math.toIntExact(e.task));
          numbers += e.numbers;
          errors += e.errors;
        } else {
          noteSeal(SealMessage.of(file.getParent().getFileName().toString(), e.task, e.numbers));
        }
      }
      size = reader.position;
    }
    if (size < length) {
      log.warn(
          "journal {}: cutting off {} bytes after the last whole record (a write cut short)",
          file,
          length - size);
      channel.truncate(size);
      channel.force(false);
    }
  }

  boolean hasTask(long task) {
    return task <= Integer.MAX_VALUE && received.get((int) task);
  }

  /** The highest task recorded, or -1 when none is. */
  long highestTask() {
    return received.length() - 1;
  }

  long tasksRecorded() {
    return received.cardinality();
  }

  /** The seal recorded, or null when not sealed yet. */
  SealMessage seal() {
    return seal;
  }

  /** The tasks the seal announced, or -1 when not sealed yet. */
  long sealedTasks() {
    return sealedTasks;
  }

  long sealedNumbers() {
    return sealedNumbers;
  }

  /** Numbers recorded so far, factored or not. */
  long numbers() {
    return numbers;
  }

  /** Numbers recorded so far that were not factored. */
  long errors() {
    return errors;
  }

  boolean isComplete() {
    return sealedTasks >= 0 && received.cardinality() >= sealedTasks;
  }

  /** The journal's length in bytes: where the next batch goes, and where a failed one is cut. */
  long size() {
    return size;
  }

  /** Writes {@code record} after the others; durable only after {@link #force()}. */
  void append(TaskRecord record) throws IOException {
    ByteBuffer header = ByteBuffer.allocate(RESULT_HEADER);
    header
        .put(RESULT)
        .putLong(record.task())
        .putInt(record.numbers())
        .putInt(record.errors())
        .putInt(record.lines().length)
        .putInt(record.errorLines().length)
        .putInt(record.info().length)
        .flip();
    write(
        header,
        ByteBuffer.wrap(record.lines()),
        ByteBuffer.wrap(record.errorLines()),
        ByteBuffer.wrap(record.info()));
  }

  /** Writes the job's seal after the records; durable only after {@link #force()}. */
  void append(SealMessage seal) throws IOException {
    ByteBuffer body = ByteBuffer.allocate(SEAL_BODY);
    body.put(SEAL).putLong(seal.tasks()).putLong(seal.numbers()).flip();
    write(body);
  }

  private void write(ByteBuffer... parts) throws IOException {
    CRC32C crc = new CRC32C();
    for (ByteBuffer part : parts) {
      crc.update(part.duplicate());
    }
    ByteBuffer[] all = Arrays.copyOf(parts, parts.length + 1);
    all[parts.length] = ByteBuffer.allocate(CRC).putInt((int) crc.getValue()).flip();
    channel.position(size);
    long left = 0;
    for (ByteBuffer b : all) {
      left += b.remaining();
    }
    while (left > 0) {
      left -= channel.write(all);
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

  /** Counts a task record once it is durable. */
  void noteTask(TaskRecord record) {
    received.set(Math.toIntExact(record.task()));
    numbers += record.numbers();
    errors += record.errors();
  }

  /** Counts the seal once it is durable. */
  void noteSeal(SealMessage seal) {
    this.seal = seal;
    sealedTasks = seal.tasks();
    sealedNumbers = seal.numbers();
  }

  /**
   * Copies the lines, error lines and info of every task, in task order, to the three channels; the
   * journal must be {@linkplain #isComplete() complete}.
   */
  void copyInTaskOrder(
      WritableByteChannel lines, WritableByteChannel errorLines, WritableByteChannel info)
      throws IOException {
    List<long[]> byTask = recordsByTask();
    ByteBuffer header = ByteBuffer.allocate(RESULT_HEADER);
    for (long task = 0; task < sealedTasks; task++) {
      long offset = byTask.get((int) (task >>> 20))[(int) (task & 0xFFFFF)];
      header.clear();
      readFully(header, offset);
      header.flip().position(1 + 8 + 4 + 4);
      long linesLength = header.getInt();
      long errorsLength = header.getInt();
      long infoLength = header.getInt();
      long at = offset + RESULT_HEADER;
      transfer(at, linesLength, lines);
      transfer(at + linesLength, errorsLength, errorLines);
      transfer(at + linesLength + errorsLength, infoLength, info);
    }
  }

  /** The offset of each task's record, in blocks of 2^20 tasks so that no array grows huge. */
  private List<long[]> recordsByTask() throws IOException {
    List<long[]> blocks = new ArrayList<>();
    for (long task = 0; task < sealedTasks; task += 1 << 20) {
      blocks.add(new long[(int) Math.min(1 << 20, sealedTasks - task)]);
    }
    ByteBuffer header = ByteBuffer.allocate(RESULT_HEADER);
    long offset = 0;
    while (offset < size) {
      header.clear().limit(1);
      readFully(header, offset);
      if (header.get(0) == SEAL) {
        offset += SEAL_BODY + CRC;
        continue;
      }
      header.limit(RESULT_HEADER);
      readFully(header, offset);
      header.flip().position(1);
      long task = header.getLong();
      header.position(1 + 8 + 4 + 4);
      long payload = (long) header.getInt() + header.getInt() + header.getInt();
      if (task < sealedTasks) {
        blocks.get((int) (task >>> 20))[(int) (task & 0xFFFFF)] = offset;
      }
      offset += RESULT_HEADER + payload + CRC;
    }
    return blocks;
  }

  private void readFully(ByteBuffer into, long offset) throws IOException {
    long at = offset + into.position();
    while (into.hasRemaining()) {
      int read = channel.read(into, at);
      if (read < 0) {
        throw new EOFException("journal " + file + " ends inside a record at " + offset);
      }
      at += read;
    }
  }

  private void transfer(long from, long length, WritableByteChannel to) throws IOException {
    long done = 0;
    while (done < length) {
      done += channel.transferTo(from + done, length - done, to);
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  /** Reads whole records from the start of a journal, stopping at the first that is not whole. */
  private static final class Reader {
    private final CRC32C crc = new CRC32C();
    private final DataInputStream in;
    long position;

    Reader(InputStream in) {
      this.in =
          new DataInputStream(new CheckedInputStream(new BufferedInputStream(in, 1 << 16), crc));
    }

    /** What one record said: for a seal, its tasks and numbers. */
    record Entry(byte kind, long task, long numbers, long errors) {}

    /** The next whole record, or null at the end or at a record cut short or damaged. */
    Entry next() throws IOException {
      crc.reset();
      try {
        byte kind = in.readByte();
        Entry entry;
        long length;
        if (kind == RESULT) {
          long task = in.readLong();
          int numbers = in.readInt();
          int errors = in.readInt();
          long payload = (long) in.readInt() + in.readInt() + in.readInt();
          if (task < 0 || task > Integer.MAX_VALUE || numbers < 0 || errors < 0 || payload < 0) {
            return null;
          }
          skipFully(payload);
          entry = new Entry(kind, task, numbers, errors);
          length = RESULT_HEADER + payload;
        } else if (kind == SEAL) {
          entry = new Entry(kind, in.readLong(), in.readLong(), 0);
          length = SEAL_BODY;
        } else {
          return null;
        }
        int expected = (int) crc.getValue();
        if (in.readInt() != expected) {
          return null;
        }
        position += length + CRC;
        return entry;
      } catch (EOFException cutShort) {
        return null;
      }
    }

    private void skipFully(long bytes) throws IOException {
      byte[] buffer = new byte[8192];
      long left = bytes;
      while (left > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          throw new EOFException();
        }
        left -= n;
      }
    }
  }
}
