package io.factorfleet.engine.siqs.matrix;

import java.util.List;

/**
 * The linear algebra step of the sieve: finds sets of matrix columns (combined relations) whose
 * exponent vectors add up to zero over GF(2), so that the product of their relations is a square.
 */
public interface NullSpaceSolver {

  /**
   * Finds up to {@code maxDependencies} independent nonzero subsets of columns whose sum over GF(2)
   * is zero.
   *
   * @param rows the number of rows
   * @param columns {@code columns[c]} holds the sorted distinct row indices ({@code 0..rows-1})
   *     where column c has a 1; the caller has already reduced exponents mod 2
   * @param maxDependencies the most dependencies wanted
   * @return each dependency as a sorted array of column indices; deterministic, the input is left
   *     untouched, and the list is empty when none was found
   */
  List<int[]> dependencies(int rows, int[][] columns, int maxDependencies);
}
