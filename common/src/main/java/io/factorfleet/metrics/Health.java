package io.factorfleet.metrics;

/**
 * Whether a process is doing its job: connected and consuming, and, while it holds work, making
 * progress on it.
 *
 * @param healthy true when all is well
 * @param reason what is wrong, or "consuming"
 */
public record Health(boolean healthy, String reason) {
  public static Health up() {
    return new Health(true, "consuming");
  }

  public static Health down(String reason) {
    return new Health(false, reason);
  }
}
