package io.factorfleet.engine.siqs.matrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects candidate dependencies and keeps only those that really sum to zero over the original
 * matrix, once each, up to a limit. The check is cheap next to the elimination, and it keeps a bug
 * in a solver from reaching the square root step as a wrong factorisation.
 */
final class VerifiedDependencies {

  private final int rows;
  private final int[][] columns;
  private final int limit;
  private final boolean[] parity;
  private final boolean[] listed;
  private final int[] touched;
  private final List<int[]> accepted = new ArrayList<>();
  private final Set<Key> seen = new HashSet<>();

  VerifiedDependencies(int rows, int[][] columns, int limit) {
    this.rows = rows;
    this.columns = columns;
    this.limit = limit;
    this.parity = new boolean[rows];
    this.listed = new boolean[rows];
    this.touched = new int[rows];
  }

  /** Whether no more dependencies are wanted. */
  boolean isFull() {
    return accepted.size() >= limit;
  }

  /**
   * Adds the candidate (column indices in any order, not kept) when it is a new dependency of the
   * original matrix and the limit is not reached; returns whether it was added.
   */
  boolean offer(int[] candidate) {
    if (isFull() || candidate.length == 0) {
      return false;
    }
    int[] sorted = candidate.clone();
    Arrays.sort(sorted);
    for (int i = 0; i < sorted.length; i++) {
      boolean outOfRange = sorted[i] < 0 || sorted[i] >= columns.length;
      if (outOfRange || (i > 0 && sorted[i] == sorted[i - 1])) {
        return false;
      }
    }
    if (!sumsToZero(sorted) || !seen.add(new Key(sorted))) {
      return false;
    }
    accepted.add(sorted);
    return true;
  }

  /** The dependencies accepted so far, in the order they were offered. */
  List<int[]> result() {
    return List.copyOf(accepted);
  }

  private boolean sumsToZero(int[] dependency) {
    int touchedCount = 0;
    for (int c : dependency) {
      for (int row : columns[c]) {
        if (row < 0 || row >= rows) {
          throw new IllegalArgumentException("column " + c + " has row " + row + " out of range");
        }
        if (!listed[row]) {
          listed[row] = true;
          touched[touchedCount++] = row;
        }
        parity[row] = !parity[row];
      }
    }
    // Only the rows touched are read and reset, so the check costs the dependency's weight.
    boolean zero = true;
    for (int i = 0; i < touchedCount; i++) {
      zero &= !parity[touched[i]];
      parity[touched[i]] = false;
      listed[touched[i]] = false;
    }
    return zero;
  }

  /** An accepted dependency compared by content. */
  private record Key(int[] columns) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && Arrays.equals(columns, key.columns);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(columns);
    }

    @Override
    public String toString() {
      return Arrays.toString(columns);
    }
  }
}
