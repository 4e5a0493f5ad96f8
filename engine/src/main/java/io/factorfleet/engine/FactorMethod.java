package io.factorfleet.engine;

/**
 * How a prime factor was found: the method that split off the part it came from. A prime left over
 * when every other factor has been split off carries the method of that last split.
 */
public enum FactorMethod {
  /** Division by the primes below the trial bound, or what was left prime after it. */
  TRIAL_DIVISION("trial"),
  /** Pollard-Brent rho, for composite parts below 2^40. */
  RHO("rho"),
  /** The elliptic curve method. */
  ECM("ecm"),
  /** Taking a k-th root of a perfect power. */
  PERFECT_POWER("power"),
  /** The self-initialising quadratic sieve. */
  SIQS("siqs");

  private final String label;

  FactorMethod(String label) {
    this.label = label;
  }

  /** The short lower-case name used in output formats, such as {@code siqs}. */
  public String label() {
    return label;
  }
}
