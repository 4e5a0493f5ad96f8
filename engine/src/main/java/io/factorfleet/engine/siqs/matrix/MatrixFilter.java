package io.factorfleet.engine.siqs.matrix;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Shrinks a matrix before elimination without changing which dependencies can be found:
 *
 * <ul>
 *   <li>a row with a 1 in only one column (a singleton) can never cancel, so that column is in no
 *       dependency and is dropped;
 *   <li>a row with a 1 in exactly two columns cancels only when both are taken, so the two are
 *       replaced by their sum (a merge), which empties the row;
 *   <li>columns beyond the rows plus the wanted surplus are dropped, heaviest first, since each
 *       column past the rank only adds one more dependency.
 * </ul>
 *
 * Each step removes at least as many rows as columns, so the surplus of columns over rows never
 * shrinks below what was asked for. Rows left empty are dropped and the rest renumbered.
 */
final class MatrixFilter {

  private final int[][] columns;
  private final int[][] origins;
  private final boolean[] alive;
  private final int[] rowWeight;
  // Columns that may hold each row: the columns at the start, plus merged columns that gained it.
  private final int[][] rowColumns;
  private final int[] rowColumnCount;
  private final int[] pending;
  private int pendingCount;
  private int aliveColumns;

  private MatrixFilter(int rows, int[][] input) {
    columns = input.clone();
    origins = new int[input.length][];
    alive = new boolean[input.length];
    rowWeight = new int[rows];
    for (int c = 0; c < input.length; c++) {
      origins[c] = new int[] {c};
      alive[c] = true;
      for (int i = 0; i < input[c].length; i++) {
        int row = input[c][i];
        if (row < 0 || row >= rows || (i > 0 && row <= input[c][i - 1])) {
          throw new IllegalArgumentException(
              "column " + c + " must hold sorted distinct rows below " + rows);
        }
        rowWeight[row]++;
      }
    }
    aliveColumns = input.length;
    rowColumns = new int[rows][];
    rowColumnCount = new int[rows];
    for (int row = 0; row < rows; row++) {
      rowColumns[row] = new int[Math.max(2, rowWeight[row])];
    }
    for (int c = 0; c < input.length; c++) {
      for (int row : input[c]) {
        rowColumns[row][rowColumnCount[row]++] = c;
      }
    }
    // A row may be pending more than once; every visit rereads its current weight.
    pending = new int[rows + 2 * countEntries(input)];
  }

  /**
   * Filters the matrix; the input is not changed.
   *
   * @param surplus the columns to keep beyond the remaining rows
   * @param maxMergedWeight merges that would give a column more ones than this are not made
   */
  static FilteredMatrix filter(int rows, int[][] columns, int surplus, int maxMergedWeight) {
    MatrixFilter filter = new MatrixFilter(rows, columns);
    for (int row = 0; row < rows; row++) {
      filter.markPending(row);
    }
    do {
      filter.removeSingletonsAndMerge(maxMergedWeight);
    } while (filter.dropExcessColumns(surplus));
    return filter.remaining();
  }

  private static int countEntries(int[][] columns) {
    int entries = 0;
    for (int[] column : columns) {
      entries += column.length;
    }
    return entries;
  }

  private void markPending(int row) {
    if (rowWeight[row] == 1 || rowWeight[row] == 2) {
      pending[pendingCount++] = row;
    }
  }

  private void removeSingletonsAndMerge(int maxMergedWeight) {
    while (pendingCount > 0) {
      int row = pending[--pendingCount];
      if (rowWeight[row] == 1) {
        removeColumn(containing(row)[0]);
      } else if (rowWeight[row] == 2) {
        int[] pair = containing(row);
        mergeIfLight(pair[0], pair[1], maxMergedWeight);
      }
    }
  }

  /** The live columns holding the row, as many as its weight, in ascending order. */
  private int[] containing(int row) {
    int[] found = new int[rowWeight[row]];
    int count = 0;
    for (int i = 0; i < rowColumnCount[row] && count < found.length; i++) {
      int c = rowColumns[row][i];
      if (alive[c] && Arrays.binarySearch(columns[c], row) >= 0 && !contains(found, count, c)) {
        found[count++] = c;
      }
    }
    if (count != found.length) {
      throw new IllegalStateException("row " + row + " lost track of its columns");
    }
    Arrays.sort(found);
    return found;
  }

  private static boolean contains(int[] values, int count, int value) {
    for (int i = 0; i < count; i++) {
      if (values[i] == value) {
        return true;
      }
    }
    return false;
  }

  private void removeColumn(int c) {
    alive[c] = false;
    aliveColumns--;
    for (int row : columns[c]) {
      rowWeight[row]--;
      markPending(row);
    }
  }

  /** Replaces column a by a + b and drops b; skipped when the sum would be too heavy. */
  private void mergeIfLight(int a, int b, int maxMergedWeight) {
    int[] left = columns[a];
    int[] right = columns[b];
    int[] sum = new int[left.length + right.length];
    int size = 0;
    int i = 0;
    int j = 0;
    while (i < left.length || j < right.length) {
      if (j == right.length || (i < left.length && left[i] < right[j])) {
        sum[size++] = left[i++];
      } else if (i == left.length || right[j] < left[i]) {
        sum[size++] = right[j++];
      } else {
        i++;
        j++;
      }
    }
    if (size > maxMergedWeight) {
      return;
    }
    for (int row : right) {
      if (Arrays.binarySearch(left, row) >= 0) {
        rowWeight[row] -= 2;
        markPending(row);
      } else {
        addRowColumn(row, a);
      }
    }
    columns[a] = Arrays.copyOf(sum, size);
    int[] merged = Arrays.copyOf(origins[a], origins[a].length + origins[b].length);
    System.arraycopy(origins[b], 0, merged, origins[a].length, origins[b].length);
    origins[a] = merged;
    alive[b] = false;
    aliveColumns--;
  }

  private void addRowColumn(int row, int c) {
    if (rowColumnCount[row] == rowColumns[row].length) {
      rowColumns[row] = Arrays.copyOf(rowColumns[row], 2 * rowColumns[row].length);
    }
    rowColumns[row][rowColumnCount[row]++] = c;
  }

  /** Drops the heaviest columns past the wanted surplus; returns whether any was dropped. */
  private boolean dropExcessColumns(int surplus) {
    int liveRows = (int) Arrays.stream(rowWeight).filter(weight -> weight > 0).count();
    int excess = aliveColumns - liveRows - surplus;
    if (excess <= 0) {
      return false;
    }
    // Heaviest first, and among equals the latest, so the choice is deterministic.
    int[] heaviest =
        IntStream.range(0, columns.length)
            .filter(c -> alive[c])
            .boxed()
            .sorted(
                Comparator.<Integer>comparingInt(c -> columns[c].length)
                    .thenComparingInt(c -> c)
                    .reversed())
            .limit(excess)
            .mapToInt(c -> c)
            .toArray();
    for (int c : heaviest) {
      removeColumn(c);
    }
    return true;
  }

  private FilteredMatrix remaining() {
    int[] renumbered = new int[rowWeight.length];
    int rows = 0;
    for (int row = 0; row < rowWeight.length; row++) {
      renumbered[row] = rowWeight[row] > 0 ? rows++ : -1;
    }
    int[][] keptColumns = new int[aliveColumns][];
    int[][] keptOrigins = new int[aliveColumns][];
    int next = 0;
    for (int c = 0; c < columns.length; c++) {
      if (alive[c]) {
        int[] column = new int[columns[c].length];
        for (int i = 0; i < column.length; i++) {
          column[i] = renumbered[columns[c][i]];
        }
        keptColumns[next] = column;
        keptOrigins[next++] = origins[c];
      }
    }
    return new FilteredMatrix(rows, keptColumns, keptOrigins);
  }
}
