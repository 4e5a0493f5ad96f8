package io.factorfleet.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The odd composites below {@link #LIMIT} that are strong probable primes to base 2, read once from
 * {@value #RESOURCE} (one number a line, ascending), which {@code BaseTwoPseudoprimesWriter} in the
 * tests writes.
 */
final class BaseTwoPseudoprimes {
  static final String RESOURCE = "base-two-strong-pseudoprimes.txt";

  /** The table holds every such composite below this bound, 2^30. */
  static final long LIMIT = 1L << 30;

  private static final int[] TABLE = load();

  private BaseTwoPseudoprimes() {}

  /**
   * Whether the odd {@code n}, below {@link #LIMIT}, is in the table. A binary search without
   * branches on the values met, as many steps for every n: the engine's compiled code sees no
   * branch that its warm-up never took and has to be thrown away for (as {@link
   * Arrays#binarySearch} has, which sent the factoring loop back to the interpreter).
   */
  static boolean contains(long n) {
    int key = (int) n;
    int base = 0;
    for (int length = TABLE.length; length > 1; ) {
      int half = length >>> 1;
      // 1 when the entry is below the key: both are below 2^30, so the difference cannot overflow
      base += ((TABLE[base + half - 1] - key) >>> 31) * half;
      length -= half;
    }
    return TABLE[base] == key;
  }

  /** How many numbers the table holds. */
  static int size() {
    return TABLE.length;
  }

  /** A plain loop over the lines: no stream, whose lambdas would cost a short job's start. */
  private static int[] load() {
    try (InputStream in = BaseTwoPseudoprimes.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      BufferedReader lines =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
      int[] table = new int[2048];
      int count = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (count == table.length) {
          table = Arrays.copyOf(table, count * 2);
        }
        table[count] = Integer.parseInt(line);
        if (count > 0 && table[count] <= table[count - 1]) {
          throw new IllegalStateException(
              RESOURCE + " is not in ascending order at line " + (count + 1));
        }
        count++;
      }
      return Arrays.copyOf(table, count);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
