package io.factorfleet.aggregator.service;

import io.factorfleet.wire.UnitResultMessage;
import io.factorfleet.wire.WireCodec;
import io.factorfleet.wire.WireFormatException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answers to the units of one hard number while the service coordinates it, in {@code
 * relations-<task>} beside its job's journal: one answer a line, the {@code fleet.unit-result} body
 * as the worker wrote it (its line breaks, which JSON allows only between tokens, made spaces). A
 * restarted service reads them back and gives them to the number's coordinator, which checks and
 * counts their relations again instead of sieving them again.
 *
 * <p>Appended in the service's batches and made durable with one {@link #force()} per batch before
 * the answers are acknowledged. A last line a crash cut short has no line break: it is cut off when
 * the file is opened again, and a line that does not decode is skipped when it is read.
 */
final class RelationFile implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RelationFile.class);

  private static final String PREFIX = "relations-";
  private static final byte NEWLINE = '\n';

  private final Path file;
  private final AppendOnlyFile out;

  private RelationFile(Path file, AppendOnlyFile out) {
    this.file = file;
    this.out = out;
  }

  /** The relation file of the number of task {@code task} in the job's spool directory. */
  static Path of(Path jobDir, long task) {
    return jobDir.resolve(PREFIX + task);
  }

  /**
   * Opens the file at {@code file}, creating it when missing (and making its name durable), and
   * cuts off a last line left without its line break by a crash.
   */
  static RelationFile open(Path file) throws IOException {
    boolean created = !Files.exists(file);
    RelationFile relations = new RelationFile(file, AppendOnlyFile.open(file));
    try {
      if (created) {
        Durability.forceDirectory(file.getParent());
        return relations;
      }
      long cut = relations.out.keepFirst(wholeLines(file));
      if (cut > 0) {
        log.warn(
            "relation file {}: cutting off {} bytes after the last whole line (a write cut short)",
            file,
            cut);
      }
      return relations;
    } catch (IOException | RuntimeException e) {
      relations.close();
      throw e;
    }
  }

  /** The length of the file's whole lines: up to and including its last line break. */
  private static long wholeLines(Path file) throws IOException {
    long whole = 0;
    long at = 0;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      for (int b = in.read(); b >= 0; b = in.read()) {
        at++;
        if (b == NEWLINE) {
          whole = at;
        }
      }
    }
    return whole;
  }

  /** The file's length in bytes: where the next batch goes, and where a failed one is cut. */
  long size() {
    return out.size();
  }

  /** Writes an answer's line after the others; durable only after {@link #force()}. */
  void append(byte[] line) throws IOException {
    out.append(ByteBuffer.wrap(line), ByteBuffer.wrap(new byte[] {NEWLINE}));
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
   * The answers the file holds, in the order they were appended; lines that do not decode skipped.
   */
  List<UnitResultMessage> answers(WireCodec codec) throws IOException {
    List<UnitResultMessage> answers = new ArrayList<>();
    InputStream in =
        new BufferedInputStream(Channels.newInputStream(out.channel().position(0)), 1 << 16);
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    long at = 0;
    int skipped = 0;
    while (at < out.size()) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      at++;
      if (b != NEWLINE) {
        line.write(b);
        continue;
      }
      try {
        answers.add(codec.decodeUnitResult(line.toByteArray()));
      } catch (WireFormatException e) {
        skipped++;
      }
      line.reset();
    }
    if (skipped > 0) {
      log.warn("relation file {}: skipped {} lines that are not answers to units", file, skipped);
    }
    return answers;
  }

  /** An answer's body on one line: JSON allows a line break only between tokens, as a space. */
  static byte[] lineOf(byte[] body) {
    byte[] line = body.clone();
    for (int i = 0; i < line.length; i++) {
      if (line[i] == NEWLINE || line[i] == '\r') {
        line[i] = ' ';
      }
    }
    return line;
  }

  /** Closes the file and deletes it: its number is answered, or its job cancelled. */
  void delete() throws IOException {
    close();
    Files.deleteIfExists(file);
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
