package io.factorfleet.text;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * An immutable list of the canonical decimal texts of unsigned longs, kept as the longs: the
 * factors of a number below 2^64 on their way from the engine to the wire, and from the wire to the
 * checks and the output, without a {@code String} for each one. It equals any list of the same
 * texts; a text is made only when {@link #get} asks for it.
 */
public final class UnsignedDecimals extends AbstractList<String> implements RandomAccess {
  /** The most digits an unsigned long has. */
  public static final int MAX_DIGITS = 20;

  private final long[] values;

  private UnsignedDecimals(long[] values) {
    this.values = values;
  }

  /** The first {@code count} of {@code values}, copied. */
  public static UnsignedDecimals of(long[] values, int count) {
    return new UnsignedDecimals(Arrays.copyOf(values, count));
  }

  /** The unsigned value at {@code index}. */
  public long unsigned(int index) {
    return values[index];
  }

  @Override
  public String get(int index) {
    return Long.toUnsignedString(values[index]);
  }

  @Override
  public int size() {
    return values.length;
  }

  /**
   * Writes the digits of the value at {@code index} at the end of {@code into}, which holds at
   * least {@link #MAX_DIGITS} characters, and returns where they start.
   */
  public int digits(int index, char[] into) {
    long value = values[index];
    int start = into.length;
    if (value < 0) { // 2^63 and above: the last digit from the unsigned quotient first
      long quotient = Long.divideUnsigned(value, 10);
      into[--start] = (char) ('0' + (value - quotient * 10));
      value = quotient;
    }
    do {
      long quotient = value / 10;
      into[--start] = (char) ('0' + (value - quotient * 10));
      value = quotient;
    } while (value != 0);
    return start;
  }
}
