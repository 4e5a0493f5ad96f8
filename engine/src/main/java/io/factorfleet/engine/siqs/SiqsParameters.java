package io.factorfleet.engine.siqs;

/**
 * The tuning of the sieve for one size of number, from {@link #forBits}, the one table of them.
 *
 * @param factorBaseSize primes in the factor base, 2 included
 * @param sieveHalfWidth M: each polynomial is sieved for x in [-M, M)
 * @param largePrimeMultiplier a partial relation's large prime is below this times the largest
 *     factor-base prime
 * @param smallPrimeLimit primes below this are not sieved (the small prime variation); the
 *     threshold allows for what they would have added
 * @param thresholdSlack how many bits short of the largest value a sieve value may fall and still
 *     be checked by trial division
 * @param extraRelations relations collected beyond the factor base size, so that the matrix has
 *     dependencies to spare
 */
public record SiqsParameters(
    int factorBaseSize,
    int sieveHalfWidth,
    int largePrimeMultiplier,
    int smallPrimeLimit,
    double thresholdSlack,
    int extraRelations) {

  /**
   * Bits of kN, then factor base size, M, large prime multiplier and threshold slack; sizes in
   * between are interpolated. Measured with {@code bench/hard-numbers.sh}; see docs/engine.md.
   */
  private static final double[][] TABLE = {
    {80, 80, 1 << 14, 20, 14},
    {100, 130, 1 << 14, 25, 16},
    {130, 300, 1 << 15, 30, 18},
    {160, 700, 1 << 15, 40, 20},
    {183, 1400, 1 << 16, 50, 22},
    {200, 2400, 1 << 16, 60, 23},
    {216, 4000, 3 << 15, 70, 24},
    {233, 7000, 1 << 17, 80, 25},
    {249, 12000, 3 << 16, 90, 26},
    {266, 22000, 1 << 18, 100, 27},
    {299, 45000, 3 << 17, 120, 28},
    {332, 80000, 1 << 19, 150, 30},
  };

  private static final int SMALL_PRIME_LIMIT = 32;
  private static final int EXTRA_RELATIONS = 64;

  public SiqsParameters {
    if (factorBaseSize < 10) {
      throw new IllegalArgumentException(
          "factorBaseSize must be at least 10 but was " + factorBaseSize);
    }
    if (sieveHalfWidth < 1024 || sieveHalfWidth % 64 != 0) {
      throw new IllegalArgumentException(
          "sieveHalfWidth must be a multiple of 64, at least 1024, but was " + sieveHalfWidth);
    }
    if (largePrimeMultiplier < 1) {
      throw new IllegalArgumentException(
          "largePrimeMultiplier must be positive but was " + largePrimeMultiplier);
    }
  }

  /** The parameters for a kN of {@code bits} bits. */
  public static SiqsParameters forBits(int bits) {
    int row = 0;
    while (row < TABLE.length - 2 && TABLE[row + 1][0] < bits) {
      row++;
    }
    double[] low = TABLE[row];
    double[] high = TABLE[row + 1];
    double t = Math.max(0, Math.min(1, (bits - low[0]) / (high[0] - low[0])));
    int factorBaseSize = (int) Math.round(low[1] + t * (high[1] - low[1]));
    int halfWidth = (int) (Math.round((low[2] + t * (high[2] - low[2])) / 1024) * 1024);
    int multiplier = (int) Math.round(low[3] + t * (high[3] - low[3]));
    double slack = low[4] + t * (high[4] - low[4]);
    return new SiqsParameters(
        factorBaseSize, halfWidth, multiplier, SMALL_PRIME_LIMIT, slack, EXTRA_RELATIONS);
  }

  /** The number of relations to collect: a column per prime, the sign row, and the extra. */
  public int relationsNeeded() {
    return factorBaseSize + 1 + extraRelations;
  }
}
