package io.factorfleet.engine.siqs.matrix;

import java.util.List;

/**
 * Filtering (singleton rows, merges of two-column rows, excess columns) followed by dense
 * Gauss-Jordan elimination on what is left. Filtering takes a quadratic sieve matrix down to a
 * fraction of its size, and the dense step's cost grows with the cube of that size.
 */
public final class StructuredGaussianElimination implements NullSpaceSolver {

  /** Columns kept beyond the rows after filtering when few dependencies are wanted. */
  static final int MIN_SURPLUS = 64;

  @Override
  public List<int[]> dependencies(int rows, int[][] columns, int maxDependencies) {
    if (maxDependencies <= 0 || columns.length == 0) {
      return List.of();
    }
    // A margin over the dependencies wanted, since a few found in the filtered matrix may be
    // rejected or coincide once mapped back.
    int wanted = (int) Math.min(Integer.MAX_VALUE, maxDependencies + 16L);
    FilteredMatrix filtered =
        MatrixFilter.filter(rows, columns, Math.max(MIN_SURPLUS, wanted), Integer.MAX_VALUE);
    VerifiedDependencies found = new VerifiedDependencies(rows, columns, maxDependencies);
    List<long[]> nullSpace =
        DenseGaussianElimination.nullSpace(filtered.rows(), filtered.columns(), wanted);
    for (long[] vector : nullSpace) {
      found.offer(filtered.toOriginal(vector));
      if (found.isFull()) {
        break;
      }
    }
    return found.result();
  }
}
