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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * tasks and numbers (8 bytes each), then the CRC. A hard number is {@code 'H'}, its task (8 bytes),
 * the length of its digits (4 bytes), the digits in ASCII, then the CRC: a task the service
 * coordinates itself, waiting until a task record of the same index answers it. Big-endian.
 *
 * <p>The journal also owns the {@link RelationFile}s of the job's hard numbers waiting, in the same
 * directory, and closes them with itself.
 */
final class JobJournal implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(JobJournal.class);

  /** The journal's file name in the job's spool directory. */
  static final String FILE = "journal";

  private static final byte RESULT = 'R';
  private static final byte SEAL = 'S';
  private static final byte HARD_NUMBER = 'H';
  private static final int RESULT_HEADER = 1 + 8 + 4 * 5;
  private static final int HARD_NUMBER_HEADER = 1 + 8 + 4;
  private static final int SEAL_BODY = 1 + 8 + 8;
  private static final int CRC = 4;

  /** More digits than any hard number has: a longer one is a damaged record. */
  private static final int MAX_DIGITS = 1 << 16;

  private final Path file;
  private final FileChannel channel;
  private final AppendOnlyFile out;
  private final BitSet received = new BitSet();
  private final Map<Long, String> hardNumbers = new LinkedHashMap<>();
  private final Map<Long, RelationFile> relationFiles = new HashMap<>();
  private SealMessage seal;
  private long sealedTasks = -1;
  private long sealedNumbers;
  private long numbers;
  private long errors;

  private JobJournal(Path file, AppendOnlyFile out) {
    this.file = file;
    this.out = out;
    this.channel = out.channel();
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
    JobJournal journal = new JobJournal(file, AppendOnlyFile.open(file));
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
      journal.out.close();
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
    try (InputStream in = Files.newInputStream(file)) {
      Reader reader = new Reader(in);
      for (Reader.Entry e = reader.next(); e != null; e = reader.next()) {
        if (e.kind == RESULT) {
          received.set(Math.toIntExact(e.task));
          hardNumbers.remove(e.task);
          numbers += e.numbers;
          errors += e.errors;
        } else if (e.kind == HARD_NUMBER) {
          if (!hasTask(e.task)) {
            hardNumbers.put(e.task, e.number);
          }
        } else {
          noteSeal(SealMessage.of(file.getParent().getFileName().toString(), e.task, e.numbers));
        }
      }
      long cut = out.keepFirst(reader.position);
      if (cut > 0) {
        log.warn(
            "journal {}: cutting off {} bytes after the last whole record (a write cut short)",
            file,
            cut);
      }
    }
  }

  boolean hasTask(long task) {
    return task <= Integer.MAX_VALUE && received.get((int) task);
  }

  /** The highest task recorded, answered or a hard number waiting, or -1 when none is. */
  long highestTask() {
    long highest = received.length() - 1;
    for (long task : hardNumbers.keySet()) {
      highest = Math.max(highest, task);
    }
    return highest;
  }

  /** Whether the task is a hard number recorded and not answered yet. */
  boolean hasHardNumber(long task) {
    return hardNumbers.containsKey(task);
  }

  /** The hard numbers recorded and not answered yet, by task, in the order they were recorded. */
  Map<Long, String> hardNumbers() {
    return Collections.unmodifiableMap(hardNumbers);
  }

  /**
   * The relation file of the hard number of {@code task}, opened (and created) on first use; it is
   * closed with the journal.
   */
  RelationFile relationFile(long task) throws IOException {
    RelationFile relations = relationFiles.get(task);
    if (relations == null) {
      relations = RelationFile.open(RelationFile.of(file.getParent(), task));
      relationFiles.put(task, relations);
    }
    return relations;
  }

  /** Whether the hard number of {@code task} has a relation file, opened or not. */
  boolean hasRelationFile(long task) {
    return relationFiles.containsKey(task) || Files.exists(RelationFile.of(file.getParent(), task));
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
    return out.size();
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

  /** Writes a hard number after the records; durable only after {@link #force()}. */
  void append(SpoolEntry.HardNumber hard) throws IOException {
    byte[] digits = hard.number().getBytes(StandardCharsets.US_ASCII);
    ByteBuffer header = ByteBuffer.allocate(HARD_NUMBER_HEADER);
    header.put(HARD_NUMBER).putLong(hard.task()).putInt(digits.length).flip();
    write(header, ByteBuffer.wrap(digits));
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
    out.append(all);
  }

  /** Makes everything appended so far durable. */
  void force() throws IOException {
    out.force();
  }

  /**
   * Cuts off what was appended after {@code size}, after a batch that could not be made durable.
   */
  void rollBack(long size) throws IOException {
    out.rollBack(size);
  }

  /**
   * Counts a task record once it is durable; the answer to a hard number ends its wait, and its
   * relation file is deleted.
   */
  void noteTask(TaskRecord record) {
    received.set(Math.toIntExact(record.task()));
    numbers += record.numbers();
    errors += record.errors();
    if (hardNumbers.remove(record.task()) != null) {
      RelationFile relations = relationFiles.remove(record.task());
      try {
        if (relations != null) {
          relations.delete();
        } else {
          Files.deleteIfExists(RelationFile.of(file.getParent(), record.task()));
        }
      } catch (IOException e) {
        log.warn("could not delete the relation file of answered task {}: {}", record.task(), e);
      }
    }
  }

  /** Counts a hard number once it is durable: it waits for its answer. */
  void noteHardNumber(SpoolEntry.HardNumber hard) {
    hardNumbers.put(hard.task(), hard.number());
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
    while (offset < out.size()) {
      header.clear().limit(1);
      readFully(header, offset);
      if (header.get(0) == SEAL) {
        offset += SEAL_BODY + CRC;
        continue;
      }
      if (header.get(0) == HARD_NUMBER) {
        header.limit(HARD_NUMBER_HEADER);
        readFully(header, offset);
        offset += HARD_NUMBER_HEADER + header.getInt(1 + 8) + CRC;
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

  /** Closes the journal and the relation files it opened. */
  @Override
  public void close() throws IOException {
    for (RelationFile relations : relationFiles.values()) {
      try {
        relations.close();
      } catch (IOException e) {
        log.debug("closing a relation file failed: {}", e.toString());
      }
    }
    relationFiles.clear();
    out.close();
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

    /** What one record said: for a seal, its tasks and numbers; for a hard number, its digits. */
    record Entry(byte kind, long task, long numbers, long errors, String number) {}

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
          entry = new Entry(kind, task, numbers, errors, null);
          length = RESULT_HEADER + payload;
        } else if (kind == SEAL) {
          entry = new Entry(kind, in.readLong(), in.readLong(), 0, null);
          length = SEAL_BODY;
        } else if (kind == HARD_NUMBER) {
          long task = in.readLong();
          int digits = in.readInt();
          if (task < 0 || task > Integer.MAX_VALUE || digits < 1 || digits > MAX_DIGITS) {
            return null;
          }
          byte[] number = new byte[digits];
          in.readFully(number);
          entry = new Entry(kind, task, 1, 0, new String(number, StandardCharsets.US_ASCII));
          length = HARD_NUMBER_HEADER + digits;
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
