package io.factorfleet.engine.siqs.relations;

import io.factorfleet.engine.siqs.ModularInts;
import io.factorfleet.engine.siqs.Relation;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * The relations of one sieve, packed one after another in blocks of ints, each named by where it
 * starts, with a hash table of those names by |y| to find a relation of the same y. A sieve keeps
 * every relation until its matrix is solved: at 70 digits about 140,000, nearly all of them partial
 * relations still waiting for a cycle. As objects (the relation, its y, their arrays, and boxed
 * keys in hash sets and maps) they took about 390 bytes and eight objects each, which the collector
 * traced and copied again and again; packed they take about 120 bytes and no object of their own.
 * Blocks of a fixed size, rather than one array grown by copying, keep a large store from needing
 * twice its size while it grows.
 *
 * <p>A relation's record: a header (the count of factor-base primes, the count of y's words, the
 * sign of y^2 - kN and that of y), the two large primes as two words each, |y|'s words (most
 * significant first), then the factor-base primes. Not thread-safe.
 */
final class RelationStore {

  private static final int BLOCK_BITS = 20;
  private static final int BLOCK_SIZE = 1 << BLOCK_BITS;
  private static final int PRIME_COUNT_BITS = 16;
  private static final int WORD_COUNT_SHIFT = 16;
  private static final int WORD_COUNT_MASK = 0xFF;
  private static final int NEGATIVE_VALUE = 1 << 30;
  private static final int NEGATIVE_Y = 1 << 29;
  private static final int HEADER_WORDS = 5;

  private int[][] blocks = {new int[1 << 12]};
  private int last;
  private int used;
  private int count;

  /** The names + 1 of the relations by the hash of |y|, open addressing; 0 is an empty slot. */
  private int[] byY = new int[1 << 10];

  /** The number of relations stored. */
  int size() {
    return count;
  }

  /** The name of the relation stored with the same |y|, or -1. */
  int find(BigInteger y) {
    int[] magnitude = ModularInts.magnitudeWords(y);
    int mask = byY.length - 1;
    int slot = hash(magnitude, 0, magnitude.length) & mask;
    for (; byY[slot] != 0; slot = (slot + 1) & mask) {
      int relation = byY[slot] - 1;
      if (hasMagnitude(relation, magnitude)) {
        return relation;
      }
    }
    return -1;
  }

  /**
   * Stores a relation whose |y| is not stored yet ({@link #find} says so) and returns its name, by
   * which the other methods read it.
   */
  int add(Relation relation) {
    int[] magnitude = ModularInts.magnitudeWords(relation.y());
    int primeCount = relation.primeCount();
    if (primeCount >= 1 << PRIME_COUNT_BITS || magnitude.length > WORD_COUNT_MASK) {
      throw new IllegalArgumentException("relation too large to store: " + relation);
    }
    int length = HEADER_WORDS + magnitude.length + primeCount;
    ensureRoom(length);
    int[] block = blocks[last];
    int at = used;
    block[at] =
        primeCount
            | magnitude.length << WORD_COUNT_SHIFT
            | (relation.negative() ? NEGATIVE_VALUE : 0)
            | (relation.y().signum() < 0 ? NEGATIVE_Y : 0);
    putLong(block, at + 1, relation.largePrime());
    putLong(block, at + 3, relation.secondLargePrime());
    System.arraycopy(magnitude, 0, block, at + HEADER_WORDS, magnitude.length);
    int primes = at + HEADER_WORDS + magnitude.length;
    for (int k = 0; k < primeCount; k++) {
      block[primes + k] = relation.prime(k);
    }
    used += length;
    count++;
    int name = last << BLOCK_BITS | at;
    index(name, hash(magnitude, 0, magnitude.length));
    return name;
  }

  /** The relation named {@code relation}, as an object again. */
  Relation relation(int relation) {
    int[] block = block(relation);
    int at = at(relation);
    int header = block[at];
    int wordCount = wordCount(header);
    byte[] bytes = new byte[4 * wordCount];
    for (int w = 0; w < wordCount; w++) {
      int word = block[at + HEADER_WORDS + w];
      for (int b = 0; b < 4; b++) {
        bytes[4 * w + b] = (byte) (word >>> (24 - 8 * b));
      }
    }
    BigInteger y = new BigInteger((header & NEGATIVE_Y) != 0 ? -1 : 1, bytes);
    int primes = at + HEADER_WORDS + wordCount;
    return new Relation(
        y,
        (header & NEGATIVE_VALUE) != 0,
        Arrays.copyOfRange(block, primes, primes + primeCount(relation)),
        getLong(block, at + 1),
        getLong(block, at + 3));
  }

  /** Whether y^2 - kN of the relation is negative. */
  boolean negative(int relation) {
    return (block(relation)[at(relation)] & NEGATIVE_VALUE) != 0;
  }

  /** The number of factor-base primes of the relation, with repeats. */
  int primeCount(int relation) {
    return block(relation)[at(relation)] & ((1 << PRIME_COUNT_BITS) - 1);
  }

  /** The factor-base prime at {@code index} of the relation. */
  int prime(int relation, int index) {
    int[] block = block(relation);
    int at = at(relation);
    return block[at + HEADER_WORDS + wordCount(block[at]) + index];
  }

  private int[] block(int relation) {
    return blocks[relation >>> BLOCK_BITS];
  }

  private static int at(int relation) {
    return relation & (BLOCK_SIZE - 1);
  }

  private static int wordCount(int header) {
    return (header >>> WORD_COUNT_SHIFT) & WORD_COUNT_MASK;
  }

  private boolean hasMagnitude(int relation, int[] magnitude) {
    int[] block = block(relation);
    int at = at(relation);
    if (wordCount(block[at]) != magnitude.length) {
      return false;
    }
    for (int w = 0; w < magnitude.length; w++) {
      if (block[at + HEADER_WORDS + w] != magnitude[w]) {
        return false;
      }
    }
    return true;
  }

  private void index(int relation, int hash) {
    if (2 * count > byY.length) {
      int[] old = byY;
      byY = new int[2 * old.length];
      for (int entry : old) {
        if (entry != 0) {
          int[] block = block(entry - 1);
          int at = at(entry - 1);
          place(entry, hash(block, at + HEADER_WORDS, wordCount(block[at])));
        }
      }
    }
    place(relation + 1, hash);
  }

  private void place(int entry, int hash) {
    int mask = byY.length - 1;
    int slot = hash & mask;
    while (byY[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    byY[slot] = entry;
  }

  /**
   * A hash of |y|'s {@code count} words from {@code from} on (in a block, or as {@link
   * ModularInts#magnitudeWords} gives them), mixed so that the table's low bits depend on all.
   */
  private static int hash(int[] words, int from, int count) {
    long h = count;
    for (int w = from; w < from + count; w++) {
      h = (h ^ (words[w] & 0xFFFFFFFFL)) * 0x9E3779B97F4A7C15L;
    }
    return (int) (h ^ (h >>> 32));
  }

  /** Room for {@code length} more words in the last block: the first grows, then new ones. */
  private void ensureRoom(int length) {
    int[] block = blocks[last];
    if (used + length <= block.length) {
      return;
    }
    if (block.length < BLOCK_SIZE) {
      blocks[last] = Arrays.copyOf(block, Math.min(BLOCK_SIZE, 2 * block.length));
      ensureRoom(length);
      return;
    }
    if (blocks.length == 1 << (31 - BLOCK_BITS)) {
      throw new IllegalStateException("too many relations to store: " + count);
    }
    blocks = Arrays.copyOf(blocks, blocks.length + 1);
    last++;
    blocks[last] = new int[BLOCK_SIZE];
    used = 0;
  }

  private static void putLong(int[] block, int at, long value) {
    block[at] = (int) (value >>> 32);
    block[at + 1] = (int) value;
  }

  private static long getLong(int[] block, int at) {
    return (long) block[at] << 32 | (block[at + 1] & 0xFFFFFFFFL);
  }
}
