package io.factorfleet.engine.siqs.matrix;

import java.util.Arrays;

/**
 * What is left of a matrix after filtering: the remaining rows renumbered {@code 0..rows-1}, and
 * each remaining column together with the original columns it is the sum of.
 *
 * @param rows the number of remaining rows, each holding a 1 in some column
 * @param columns the sorted row indices of each remaining column
 * @param origins the original columns summed into each remaining column, disjoint between columns
 */
record FilteredMatrix(int rows, int[][] columns, int[][] origins) {

  /** The number of remaining columns. */
  int columnCount() {
    return columns.length;
  }

  /**
   * The original columns of a dependency given as a bit set over the remaining columns. The origins
   * are disjoint, so their union is also their sum over GF(2).
   */
  int[] toOriginal(long[] remainingColumns) {
    int size = 0;
    for (int c = 0; c < columns.length; c++) {
      if (Bits.get(remainingColumns, c)) {
        size += origins[c].length;
      }
    }
    int[] original = new int[size];
    int next = 0;
    for (int c = 0; c < columns.length; c++) {
      if (Bits.get(remainingColumns, c)) {
        System.arraycopy(origins[c], 0, original, next, origins[c].length);
        next += origins[c].length;
      }
    }
    Arrays.sort(original);
    return original;
  }
}
