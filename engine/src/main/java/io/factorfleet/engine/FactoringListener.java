package io.factorfleet.engine;

/**
 * What the engine reports while it works on one hard number, for a progress line. Every method has
 * a no-op default; calls come from the factoring threads, one at a time.
 */
public interface FactoringListener {

  /** The listener that ignores everything. */
  FactoringListener NONE = new FactoringListener() {};

  /** ECM has run {@code curves} curves on a composite of {@code bits} bits. */
  default void ecmCurves(int bits, int curves) {}

  /** The quadratic sieve on a composite of {@code bits} bits has {@code found} of its relations. */
  default void sieveRelations(int bits, int found, int needed) {}

  /**
   * The sieve of a composite of {@code bits} bits runs on {@code workers} workers of a fleet, each
   * finding {@code relationsPerSecond} relations a second on average.
   */
  default void sieveWorkers(int bits, int workers, double relationsPerSecond) {}

  /** The quadratic sieve solves its matrix of this shape. */
  default void sieveMatrix(int bits, int rows, int columns) {}
}
