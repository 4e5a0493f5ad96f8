package io.factorfleet.engine.siqs.matrix;

import java.util.SplittableRandom;

/**
 * One run of Montgomery's block Lanczos iteration ("A block Lanczos algorithm for finding
 * dependencies over GF(2)", Eurocrypt 1995) on the symmetric matrix A = B^T B, for a sparse B given
 * by its columns. From a random block Y it solves A X = A Y, so that A (X + Y) = 0; the last block
 * V_m is returned too, since B (X + Y) and B V_m need not vanish on their own and only combinations
 * of the two give null space vectors of B.
 */
final class LanczosIteration {

  /** What the iteration ends with: X + Y and V_m, both n x 64 blocks. */
  record Result(long[] solution, long[] lastBlock) {}

  private final int rows;
  private final int[][] columns;

  LanczosIteration(int rows, int[][] columns) {
    this.rows = rows;
    this.columns = columns;
  }

  /** B v, a rows x 64 block. */
  long[] multiplyB(long[] v) {
    long[] product = new long[rows];
    for (int c = 0; c < columns.length; c++) {
      long vc = v[c];
      for (int row : columns[c]) {
        product[row] ^= vc;
      }
    }
    return product;
  }

  private long[] multiplyA(long[] v) {
    long[] bv = multiplyB(v);
    long[] product = new long[columns.length];
    for (int c = 0; c < columns.length; c++) {
      long sum = 0;
      for (int row : columns[c]) {
        sum ^= bv[row];
      }
      product[c] = sum;
    }
    return product;
  }

  /**
   * Runs the iteration from the random block the seed gives; returns null when it breaks down (no
   * invertible submatrix, or too many steps), in which case another seed may succeed.
   */
  Result run(long seed) {
    int n = columns.length;
    SplittableRandom random = new SplittableRandom(seed);
    long[] y = new long[n];
    for (int k = 0; k < n; k++) {
      y[k] = random.nextLong();
    }
    Recurrence recurrence = new Recurrence(multiplyA(y));
    // Each step removes about 63.2 dimensions; a run much longer than that has gone wrong.
    int maxSteps = n / 60 + 20;
    for (int step = 0; ; step++) {
      long[] av0 = multiplyA(recurrence.v0);
      long[] vtAv0 = Block64.transposeTimes(recurrence.v0, av0);
      if (isZero(vtAv0)) {
        break;
      }
      if (step >= maxSteps || !recurrence.advance(av0, vtAv0)) {
        return null;
      }
    }
    long[] x = recurrence.x;
    for (int k = 0; k < n; k++) {
      x[k] ^= y[k];
    }
    return new Result(x, recurrence.v0);
  }

  /**
   * The three-term recurrence: the last three blocks V, and the 64 x 64 products of the last two
   * steps that its coefficients D, E and F are made of.
   */
  private static final class Recurrence {
    private final long[] start;
    private final long[] x;
    private long[] v0;
    private long[] v1;
    private long[] v2;
    private long[] vtAv1 = new long[64];
    private long[] vtA2v1 = new long[64];
    private long[] winv1 = new long[64];
    private long[] winv2 = new long[64];
    private int[] s0 = new int[64];
    private int[] s1 = new int[64];
    private int dim1 = 64;
    private long mask1 = -1L;

    Recurrence(long[] start) {
      this.start = start;
      this.x = new long[start.length];
      this.v0 = start.clone();
      this.v1 = new long[start.length];
      this.v2 = new long[start.length];
      for (int i = 0; i < 64; i++) {
        s1[i] = i;
      }
    }

    /** One step from V0 and A V0; returns false when no invertible submatrix can be chosen. */
    boolean advance(long[] av0, long[] vtAv0) {
      long[] vtA2v0 = Block64.transposeTimes(av0, av0);
      long[] winv0 = new long[64];
      int dim0 = NonsingularSubmatrix.invert(vtAv0, s0, s1, dim1, winv0);
      if (dim0 == 0) {
        return false;
      }
      long mask0 = 0;
      for (int i = 0; i < dim0; i++) {
        mask0 |= 1L << s0[i];
      }
      // D = I - Winv0 (V0' A^2 V0 S0 S0' + V0' A V0)
      long[] d = new long[64];
      for (int i = 0; i < 64; i++) {
        d[i] = (vtA2v0[i] & mask0) ^ vtAv0[i];
      }
      d = Block64.multiply(winv0, d);
      addIdentity(d);
      // E = -Winv1 V0' A V0 S0 S0'
      long[] e = Block64.multiply(winv1, vtAv0);
      for (int i = 0; i < 64; i++) {
        e[i] &= mask0;
      }
      // F = -Winv2 (I - V1' A V1 Winv1) (V1' A^2 V1 S1 S1' + V1' A V1) S0 S0'
      long[] f = Block64.multiply(vtAv1, winv1);
      addIdentity(f);
      f = Block64.multiply(winv2, f);
      long[] f2 = new long[64];
      for (int i = 0; i < 64; i++) {
        f2[i] = ((vtA2v1[i] & mask1) ^ vtAv1[i]) & mask0;
      }
      f = Block64.multiply(f, f2);
      // V_next = A V0 S0 S0' + V0 D + V1 E + V2 F, written over A V0
      long[] next = av0;
      for (int k = 0; k < next.length; k++) {
        next[k] &= mask0;
      }
      Block64.addTimes(v0, d, next);
      Block64.addTimes(v1, e, next);
      Block64.addTimes(v2, f, next);
      // X += V0 Winv0 V0' V_start
      Block64.addTimes(v0, Block64.multiply(winv0, Block64.transposeTimes(v0, start)), x);
      rotate(next, vtAv0, vtA2v0, winv0, dim0, mask0);
      return true;
    }

    private void rotate(
        long[] next, long[] vtAv0, long[] vtA2v0, long[] winv0, int dim0, long mask0) {
      v2 = v1;
      v1 = v0;
      v0 = next;
      winv2 = winv1;
      winv1 = winv0;
      vtAv1 = vtAv0;
      vtA2v1 = vtA2v0;
      int[] swap = s1;
      s1 = s0;
      s0 = swap;
      dim1 = dim0;
      mask1 = mask0;
    }
  }

  private static boolean isZero(long[] matrix) {
    for (long row : matrix) {
      if (row != 0) {
        return false;
      }
    }
    return true;
  }

  private static void addIdentity(long[] matrix) {
    for (int i = 0; i < 64; i++) {
      matrix[i] ^= 1L << i;
    }
  }
}
