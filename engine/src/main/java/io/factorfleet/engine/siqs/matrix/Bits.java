package io.factorfleet.engine.siqs.matrix;

/** Bit vectors over GF(2) packed 64 to a long, bit i in word i / 64. */
final class Bits {

  private Bits() {}

  static int words(int bits) {
    return (bits + 63) >>> 6;
  }

  static boolean get(long[] vector, int bit) {
    return (vector[bit >>> 6] & (1L << bit)) != 0;
  }

  static void set(long[] vector, int bit) {
    vector[bit >>> 6] |= 1L << bit;
  }

  static boolean isZero(long[] vector) {
    for (long word : vector) {
      if (word != 0) {
        return false;
      }
    }
    return true;
  }
}
