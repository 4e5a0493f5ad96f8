package io.factorfleet.cli.local;

import java.util.Arrays;

/**
 * A slice of the input, as read: tokens that fit a long (below 2^63, the common case) are kept as
 * numbers, everything else as text for the general path. No object per number on the fast path.
 */
final class NumberChunk {
  /** Marks an entry held as text rather than as a number. */
  static final long TEXT = -1;

  final long[] numbers;
  private String[] texts = new String[0];
  private int textCount;
  int size;

  NumberChunk(int capacity) {
    numbers = new long[capacity];
  }

  /** Empties the chunk for the next fill. */
  void clear() {
    size = 0;
    textCount = 0;
  }

  boolean isFull() {
    return size == numbers.length;
  }

  void addNumber(long n) {
    numbers[size++] = n;
  }

  void addText(String token) {
    if (textCount == texts.length) {
      texts = Arrays.copyOf(texts, Math.max(4, textCount * 2));
    }
    texts[textCount++] = token;
    numbers[size++] = TEXT;
  }

  /** The texts, in order of their entries marked {@link #TEXT}. */
  String text(int ordinal) {
    return texts[ordinal];
  }
}
