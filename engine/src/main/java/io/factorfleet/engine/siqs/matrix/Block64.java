package io.factorfleet.engine.siqs.matrix;

/**
 * Products of blocks of 64 bit vectors over GF(2). An n x 64 block is a {@code long[n]}, row k in
 * element k; a 64 x 64 matrix is a {@code long[64]} with row i in element i. Products go through
 * tables of all 256 sums of eight rows, which turns 64 conditional xors into 8 lookups.
 */
final class Block64 {

  private Block64() {}

  /** The 64 x 64 identity matrix. */
  static long[] identity() {
    long[] identity = new long[64];
    for (int i = 0; i < 64; i++) {
      identity[i] = 1L << i;
    }
    return identity;
  }

  /** a * b for 64 x 64 matrices. */
  static long[] multiply(long[] a, long[] b) {
    long[][] tables = tables(b);
    long[] product = new long[64];
    for (int i = 0; i < 64; i++) {
      product[i] = lookUp(tables, a[i]);
    }
    return product;
  }

  /** v * m for an n x 64 block v and a 64 x 64 matrix m. */
  static long[] times(long[] v, long[] m) {
    long[] product = new long[v.length];
    addTimes(v, m, product);
    return product;
  }

  /** sum += v * m. */
  static void addTimes(long[] v, long[] m, long[] sum) {
    long[][] tables = tables(m);
    for (int k = 0; k < v.length; k++) {
      sum[k] ^= lookUp(tables, v[k]);
    }
  }

  /** x^T * y, a 64 x 64 matrix, for n x 64 blocks x and y. */
  static long[] transposeTimes(long[] x, long[] y) {
    long[][] sums = new long[8][256];
    for (int k = 0; k < x.length; k++) {
      long xk = x[k];
      long yk = y[k];
      for (int b = 0; b < 8; b++) {
        sums[b][(int) (xk >>> (8 * b)) & 0xff] ^= yk;
      }
    }
    // Row 8b + j of the product sums y over the entries whose byte b has bit j set.
    long[] product = new long[64];
    for (int b = 0; b < 8; b++) {
      for (int pattern = 1; pattern < 256; pattern++) {
        long sum = sums[b][pattern];
        if (sum != 0) {
          for (int bits = pattern; bits != 0; bits &= bits - 1) {
            product[8 * b + Integer.numberOfTrailingZeros(bits)] ^= sum;
          }
        }
      }
    }
    return product;
  }

  private static long[][] tables(long[] m) {
    long[][] tables = new long[8][256];
    for (int b = 0; b < 8; b++) {
      long[] table = tables[b];
      for (int pattern = 1; pattern < 256; pattern++) {
        int low = Integer.numberOfTrailingZeros(pattern);
        table[pattern] = table[pattern & (pattern - 1)] ^ m[8 * b + low];
      }
    }
    return tables;
  }

  private static long lookUp(long[][] tables, long row) {
    long sum = 0;
    for (int b = 0; b < 8; b++) {
      sum ^= tables[b][(int) (row >>> (8 * b)) & 0xff];
    }
    return sum;
  }
}
