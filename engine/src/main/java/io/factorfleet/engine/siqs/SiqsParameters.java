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
 * @param doubleLargePrimeBits 0 for one large prime at most; else what is left of a candidate below
 *     2^bits is split, and two large primes below the large-prime bound make a partial-partial
 *     relation
 */
public record SiqsParameters(
    int factorBaseSize,
    int sieveHalfWidth,
    int largePrimeMultiplier,
    int smallPrimeLimit,
    double thresholdSlack,
    int extraRelations,
    int doubleLargePrimeBits) {

  /**
   * Bits of kN, then factor base size, M, large prime multiplier, small prime limit, threshold
   * slack, extra relations and the double-large-prime bits (0: one large prime at most); sizes in
   * between are interpolated. Rows from 100 to 233 bits (30 to 70 digits) were measured on balanced
   * semiprimes, one thread (whole factorizations below 166 bits, SiqsParameterReport in bench/jmh
   * above); the others are extrapolated along them. Up to 166 bits the matrix goes to Gaussian
   * elimination, which needs few spare relations; block Lanczos, from 3,000 columns, finds 64
   * dependencies at a time. See docs/engine.md for the measurements and the commands.
   */
  private static final double[][] TABLE = {
    {80, 100, 1 << 13, 20, 32, 17, 20, 0},
    {100, 250, 3 << 12, 40, 32, 18, 20, 0},
    {133, 700, 1 << 14, 60, 64, 27, 20, 0},
    {166, 1800, 18 << 10, 340, 64, 32, 20, 0},
    {200, 4000, 1 << 15, 600, 128, 37, 64, 0},
    {233, 15000, 1 << 16, 800, 128, 41, 64, 0},
    {266, 30000, 3 << 15, 1000, 128, 43, 64, 0},
    {299, 50000, 1 << 17, 1200, 128, 45, 64, 0},
    {332, 70000, 3 << 16, 1600, 128, 47, 64, 0},
  };

  /** The largest factor base allowed: over three times the table's largest. */
  public static final int MAX_FACTOR_BASE_SIZE = 250_000;

  /** The largest M allowed: over five times the table's largest. */
  public static final int MAX_SIEVE_HALF_WIDTH = 1 << 20;

  public SiqsParameters {
    if (factorBaseSize < 10 || factorBaseSize > MAX_FACTOR_BASE_SIZE) {
      throw new IllegalArgumentException(
          "factorBaseSize must be 10 to " + MAX_FACTOR_BASE_SIZE + " but was " + factorBaseSize);
    }
    if (sieveHalfWidth < 1024
        || sieveHalfWidth > MAX_SIEVE_HALF_WIDTH
        || sieveHalfWidth % 64 != 0) {
      throw new IllegalArgumentException(
          "sieveHalfWidth must be a multiple of 64 from 1024 to "
              + MAX_SIEVE_HALF_WIDTH
              + " but was "
              + sieveHalfWidth);
    }
    if (smallPrimeLimit < 0 || thresholdSlack < 0 || thresholdSlack > 128 || extraRelations < 0) {
      throw new IllegalArgumentException(
          "smallPrimeLimit, thresholdSlack (at most 128 bits) and extraRelations must not be"
              + " negative but were "
              + smallPrimeLimit
              + ", "
              + thresholdSlack
              + " and "
              + extraRelations);
    }
    if (doubleLargePrimeBits < 0 || doubleLargePrimeBits > 62) {
      throw new IllegalArgumentException(
          "doubleLargePrimeBits must be 0 to 62 but was " + doubleLargePrimeBits);
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
    int smallPrimeLimit = (int) (t < 0.5 ? low[4] : high[4]);
    double slack = low[5] + t * (high[5] - low[5]);
    int extra = (int) Math.round(low[6] + t * (high[6] - low[6]));
    int doubleLargePrimeBits = (int) (t < 0.5 ? low[7] : high[7]);
    return new SiqsParameters(
        factorBaseSize, halfWidth, multiplier, smallPrimeLimit, slack, extra, doubleLargePrimeBits);
  }

  /** The number of relations to collect: a column per prime, the sign row, and the extra. */
  public int relationsNeeded() {
    return factorBaseSize + 1 + extraRelations;
  }
}
