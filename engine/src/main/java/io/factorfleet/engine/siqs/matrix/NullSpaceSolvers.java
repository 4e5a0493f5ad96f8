package io.factorfleet.engine.siqs.matrix;

/** Chooses the null space solver for a matrix size. */
public final class NullSpaceSolvers {

  /**
   * Columns from which block Lanczos would take over from Gaussian elimination. Set by
   * NullSpaceBenchmark in bench/jmh: until it has measured a crossover, Gaussian elimination is
   * used at every size.
   */
  static final int LANCZOS_FROM_COLUMNS = Integer.MAX_VALUE;

  private NullSpaceSolvers() {}

  /** The solver to use for a matrix of the given shape. */
  public static NullSpaceSolver forSize(int rows, int columns) {
    if (columns >= LANCZOS_FROM_COLUMNS) {
      return new BlockLanczos();
    }
    return new StructuredGaussianElimination();
  }
}
