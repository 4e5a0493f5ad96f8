package io.factorfleet.engine.siqs.matrix;

import java.util.ArrayList;
import java.util.List;

/**
 * Null space vectors of a small dense matrix by Gauss-Jordan elimination on rows packed 64 columns
 * to a long. Reduced row echelon form gives each free column's dependency directly: the free column
 * plus the pivot column of every row that has a 1 in it, so no identity matrix has to be carried
 * along and the work is about rows * columns^2 / 256 word operations.
 */
final class DenseGaussianElimination {

  private DenseGaussianElimination() {}

  /**
   * Up to {@code limit} independent null space vectors, each a bit set over the columns; the first
   * free columns in column order give them.
   */
  static List<long[]> nullSpace(int rows, int[][] columns, int limit) {
    int words = Bits.words(columns.length);
    long[][] matrix = new long[rows][words];
    for (int c = 0; c < columns.length; c++) {
      for (int row : columns[c]) {
        Bits.set(matrix[row], c);
      }
    }
    int[] pivotColumn = new int[rows];
    int pivots = 0;
    List<Integer> freeColumns = new ArrayList<>();
    for (int c = 0; c < columns.length && freeColumns.size() < limit; c++) {
      int word = c >>> 6;
      long bit = 1L << c;
      int found = pivots;
      while (found < rows && (matrix[found][word] & bit) == 0) {
        found++;
      }
      if (found == rows) {
        freeColumns.add(c);
        continue;
      }
      long[] pivot = matrix[found];
      matrix[found] = matrix[pivots];
      matrix[pivots] = pivot;
      pivotColumn[pivots] = c;
      // Every unreduced row is zero left of c, so the words before c's word need no work.
      for (int row = 0; row < rows; row++) {
        long[] target = matrix[row];
        if (row != pivots && (target[word] & bit) != 0) {
          for (int w = word; w < words; w++) {
            target[w] ^= pivot[w];
          }
        }
      }
      pivots++;
    }
    List<long[]> nullSpace = new ArrayList<>(freeColumns.size());
    for (int free : freeColumns) {
      long[] vector = new long[words];
      Bits.set(vector, free);
      for (int row = 0; row < pivots; row++) {
        if (Bits.get(matrix[row], free)) {
          Bits.set(vector, pivotColumn[row]);
        }
      }
      nullSpace.add(vector);
    }
    return nullSpace;
  }
}
