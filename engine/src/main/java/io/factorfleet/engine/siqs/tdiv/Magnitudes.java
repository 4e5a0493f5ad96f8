package io.factorfleet.engine.siqs.tdiv;

/**
 * In-place arithmetic on the magnitude of a sieve value as 32-bit words, most significant first (as
 * {@code ModularInts.magnitudeWords} writes them): trial division divides each value by a handful
 * of small primes, which BigInteger would do with a general long division and a new object each
 * time.
 */
final class Magnitudes {

  private Magnitudes() {}

  /** Divides the magnitude in place by a divisor below 2^31 that divides it exactly. */
  static void divide(int[] words, long divisor) {
    long remainder = 0;
    for (int i = 0; i < words.length; i++) {
      long current = (remainder << 32) | (words[i] & 0xFFFFFFFFL);
      words[i] = (int) (current / divisor);
      remainder = current % divisor;
    }
  }

  /** Shifts the magnitude (most significant word first) right by {@code bits}, in place. */
  static void shiftRight(int[] words, int bits) {
    int wordShift = bits >>> 5;
    int bitShift = bits & 31;
    for (int i = words.length - 1; i >= 0; i--) {
      int from = i - wordShift;
      long high = from >= 1 ? words[from - 1] & 0xFFFFFFFFL : 0;
      long low = from >= 0 ? words[from] & 0xFFFFFFFFL : 0;
      words[i] = (int) (((high << 32) | low) >>> bitShift);
    }
  }

  /** The magnitude as a long, or -1 when it takes 63 bits or more. */
  static long toLong(int[] words) {
    for (int i = 0; i < words.length - 2; i++) {
      if (words[i] != 0) {
        return -1;
      }
    }
    long value = 0;
    for (int i = Math.max(0, words.length - 2); i < words.length; i++) {
      value = (value << 32) | (words[i] & 0xFFFFFFFFL);
    }
    return value >>> 62 != 0 ? -1 : value;
  }
}
