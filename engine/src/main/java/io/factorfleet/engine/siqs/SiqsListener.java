package io.factorfleet.engine.siqs;

/**
 * What the sieve reports while it runs, for a progress line; every method has a no-op default.
 * Called from sieving threads, one call at a time.
 */
public interface SiqsListener {

  /** The listener that ignores everything. */
  SiqsListener NONE = new SiqsListener() {};

  /** Sieving starts with this multiplier, factor base and target. */
  default void sieving(int multiplier, int factorBaseSize, int relationsNeeded) {}

  /** The matrix has {@code columns} columns (full relations and combined partials) so far. */
  default void relations(int columns, int needed, int partials) {}

  /** Linear algebra starts on a matrix of this shape. */
  default void matrix(int rows, int columns) {}
}
