package io.factorfleet.engine.siqs.matrix;

/**
 * Step 2 of Montgomery's block Lanczos: picks the columns S_i of V_i' A V_i to keep in this step
 * and inverts the submatrix they span. Columns left out of the previous step are taken first, which
 * the recurrence needs: every column must be kept at least every other step.
 */
final class NonsingularSubmatrix {

  private NonsingularSubmatrix() {}

  /**
   * Gauss-Jordan elimination on [T | I]: a column with a pivot in T is kept; one without is
   * compensated from the right half, and its row wiped. The right half ends as W_inv, zero outside
   * the kept rows and columns.
   *
   * @param t V_i' A V_i, row i in element i
   * @param kept receives the kept column indices at its start
   * @param lastKept the columns kept in the previous step, {@code lastDim} of them at its start
   * @param inverse receives W_inv
   * @return the number of kept columns, or 0 when the step cannot go on
   */
  static int invert(long[] t, int[] kept, int[] lastKept, int lastDim, long[] inverse) {
    long[] left = t.clone();
    long[] right = Block64.identity();
    long lastMask = 0;
    int back = 64;
    for (int i = 0; i < lastDim; i++) {
      kept[--back] = lastKept[i];
      lastMask |= 1L << lastKept[i];
    }
    int front = 0;
    for (int i = 0; i < 64; i++) {
      if ((lastMask & (1L << i)) == 0) {
        kept[front++] = i;
      }
    }
    int[] order = kept.clone();
    int dim = 0;
    for (int i = 0; i < 64; i++) {
      int pivot = order[i];
      long bit = 1L << pivot;
      if (swapInRowWithBit(left, right, left, order, i, bit)) {
        eliminate(left, right, left, pivot, bit);
        kept[dim++] = pivot;
        continue;
      }
      if (!swapInRowWithBit(left, right, right, order, i, bit)) {
        return 0;
      }
      eliminate(left, right, right, pivot, bit);
      left[pivot] = 0;
      right[pivot] = 0;
    }
    long covered = lastMask;
    for (int i = 0; i < dim; i++) {
      covered |= 1L << kept[i];
    }
    if (covered != -1L) {
      return 0;
    }
    System.arraycopy(right, 0, inverse, 0, 64);
    return dim;
  }

  /** Moves the first row from order[i] on with the bit set in {@code half} to row order[i]. */
  private static boolean swapInRowWithBit(
      long[] left, long[] right, long[] half, int[] order, int i, long bit) {
    for (int j = i; j < 64; j++) {
      int row = order[j];
      if ((half[row] & bit) != 0) {
        int target = order[i];
        long swap = left[row];
        left[row] = left[target];
        left[target] = swap;
        swap = right[row];
        right[row] = right[target];
        right[target] = swap;
        return true;
      }
    }
    return false;
  }

  private static void eliminate(long[] left, long[] right, long[] half, int pivot, long bit) {
    for (int row = 0; row < 64; row++) {
      if (row != pivot && (half[row] & bit) != 0) {
        left[row] ^= left[pivot];
        right[row] ^= right[pivot];
      }
    }
  }
}
