package io.factorfleet.engine;

import java.math.BigInteger;
import java.util.function.BooleanSupplier;

/**
 * Splits the composites that would go to the quadratic sieve somewhere other than the calling
 * thread: a fleet's coordinator hands their ECM and sieve work out to workers as units. The engine
 * asks it about each such composite; the rest of a factorization (trial division, perfect powers,
 * primality, the parts below the sieve's range) stays on the calling thread.
 */
public interface CompositeSplitter {

  /** Whether this splitter takes m; when not, the engine splits it on the calling thread. */
  boolean takes(BigInteger m);

  /**
   * Splits m, an odd composite with no factor below the engine's trial bound and not a perfect
   * power, into two parts.
   *
   * @param expired says when the number's budget is spent; then the splitter gives up
   * @param listener told how the work goes, as the engine's own sieve tells it
   * @return a proper factor of m and the method that found it, or null when it gave up
   */
  Part split(BigInteger m, BooleanSupplier expired, FactoringListener listener);

  /** A proper factor found, and how. */
  record Part(BigInteger factor, FactorMethod method) {}
}
