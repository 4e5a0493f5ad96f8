package io.factorfleet.text;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Output lines built as bytes, for the millions of {@code factor} lines a job prints: digits go
 * straight into a growing byte array, with no String per line and no character encoder. Not
 * thread-safe; reuse one per writer with {@link #reset()}.
 */
public final class LineBuffer {
  private byte[] bytes;
  private int length;

  public LineBuffer() {
    this(1 << 12);
  }

  /**
   * @param initialCapacity bytes held before the buffer first grows
   */
  public LineBuffer(int initialCapacity) {
    bytes = new byte[Math.max(16, initialCapacity)];
  }

  /** Bytes held. */
  public int length() {
    return length;
  }

  /** Forgets the bytes held; keeps the array. */
  public void reset() {
    length = 0;
  }

  /** Appends one ASCII character. */
  public LineBuffer put(char c) {
    ensure(1);
    bytes[length++] = (byte) c;
    return this;
  }

  /** Appends text known to be ASCII, such as canonical decimal numbers, one byte a character. */
  public LineBuffer ascii(String text) {
    int size = text.length();
    ensure(size);
    for (int i = 0; i < size; i++) {
      bytes[length++] = (byte) text.charAt(i);
    }
    return this;
  }

  /** Appends any text, encoded as UTF-8. */
  public LineBuffer utf8(String text) {
    byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
    ensure(encoded.length);
    System.arraycopy(encoded, 0, bytes, length, encoded.length);
    length += encoded.length;
    return this;
  }

  /** Appends the decimal digits of the unsigned {@code value}, without a String in between. */
  public LineBuffer unsigned(long value) {
    if (value < 0) { // 2^63 and above: rare, the JDK's unsigned formatting
      return ascii(Long.toUnsignedString(value));
    }
    ensure(19);
    int digits = 1;
    for (long bound = 10; digits < 19 && value >= bound; bound *= 10) {
      digits++;
    }
    int end = length + digits;
    for (int i = end - 1; i >= length; i--) {
      long quotient = value / 10;
      bytes[i] = (byte) ('0' + (value - quotient * 10));
      value = quotient;
    }
    length = end;
    return this;
  }

  /** Writes the bytes from offset {@code from} (inclusive) to {@code to} (exclusive) to out. */
  public void writeTo(OutputStream out, int from, int to) throws IOException {
    if (from < 0 || to > length || from > to) {
      throw new IndexOutOfBoundsException(
          "range [" + from + ", " + to + ") outside [0, " + length + ")");
    }
    out.write(bytes, from, to - from);
  }

  /** Writes every byte held to out. */
  public void writeTo(OutputStream out) throws IOException {
    out.write(bytes, 0, length);
  }

  @Override
  public String toString() {
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(length + more, bytes.length * 2));
    }
  }
}
