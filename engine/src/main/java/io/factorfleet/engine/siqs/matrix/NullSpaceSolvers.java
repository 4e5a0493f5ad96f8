package io.factorfleet.engine.siqs.matrix;

/** Chooses the null space solver for a matrix size. */
public final class NullSpaceSolvers {

  /**
   * Columns from which block Lanczos takes over from Gaussian elimination. NullSpaceBenchmark in
   * bench/jmh, on QS-like matrices (single shots, medians of three): 1000 rows, 20.8 ms against
   * 23.0 ms; 5000 rows, 153 ms against 60 ms; 20000 rows, 1767 ms against 279 ms.
   */
  static final int LANCZOS_FROM_COLUMNS = 3000;

  private NullSpaceSolvers() {}

  /** The solver to use for a matrix of the given shape. */
  public static NullSpaceSolver forSize(int rows, int columns) {
    if (columns >= LANCZOS_FROM_COLUMNS) {
      return new BlockLanczos();
    }
    return new StructuredGaussianElimination();
  }
}
