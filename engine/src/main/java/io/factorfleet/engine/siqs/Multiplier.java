package io.factorfleet.engine.siqs;

import java.math.BigInteger;
import java.util.stream.IntStream;

/**
 * The Knuth-Schroeppel choice of a small square-free multiplier k: sieving over kN instead of N
 * pays when many small primes are then quadratic residues, since each such prime divides sieve
 * values twice as often as an average prime.
 *
 * <p>The Legendre symbol is multiplicative, so (kN / p) = (k / p)(N / p): the symbols of every
 * candidate k are a table built once, and a number costs one symbol per prime, not one per prime
 * and candidate. At 30 digits that cut the choice from about a tenth of the whole factorization to
 * a few microseconds.
 */
public final class Multiplier {

  private static final int[] CANDIDATES = {
    1, 2, 3, 5, 6, 7, 10, 11, 13, 14, 15, 17, 19, 21, 22, 23, 26, 29, 30, 31, 33, 34, 35, 37, 38,
    39, 41, 42, 43, 46, 47, 51, 53, 55, 57, 58, 59, 61, 62, 65, 66, 67, 69, 70, 71, 73
  };

  /** Odd primes whose contribution the score weighs; beyond them the differences are noise. */
  private static final int SCORED_PRIMES_BELOW = 2_000;

  private static final int[] ODD_PRIMES =
      IntStream.range(3, SCORED_PRIMES_BELOW)
          .filter(p -> BigInteger.valueOf(p).isProbablePrime(30))
          .toArray();

  /** (k / p) for each candidate k (rows) and odd prime p (columns): -1, 0 or 1. */
  private static final byte[][] CANDIDATE_SYMBOLS = candidateSymbols();

  /** What a prime dividing kN adds to the score, and what a residue prime adds. */
  private static final double[] DIVIDING_WEIGHTS = new double[ODD_PRIMES.length];

  private static final double[] RESIDUE_WEIGHTS = new double[ODD_PRIMES.length];

  static {
    for (int i = 0; i < ODD_PRIMES.length; i++) {
      int p = ODD_PRIMES[i];
      DIVIDING_WEIGHTS[i] = Math.log(p) / p;
      RESIDUE_WEIGHTS[i] = 2 * Math.log(p) / (p - 1);
    }
  }

  private Multiplier() {}

  /** The multiplier with the best Knuth-Schroeppel score for n (odd, not a perfect square). */
  public static int choose(BigInteger n) {
    int[] words = ModularInts.magnitudeWords(n);
    byte[] symbolsOfN = new byte[ODD_PRIMES.length];
    for (int i = 0; i < ODD_PRIMES.length; i++) {
      symbolsOfN[i] = symbol(ModularInts.residue(words, ODD_PRIMES[i]), ODD_PRIMES[i]);
    }
    double bestScore = Double.NEGATIVE_INFINITY;
    int best = 1;
    for (int c = 0; c < CANDIDATES.length; c++) {
      double score = score(n.intValue() * CANDIDATES[c], symbolsOfN, c);
      if (score > bestScore) {
        bestScore = score;
        best = CANDIDATES[c];
      }
    }
    return best;
  }

  /** The expected contribution of small primes to log |Q(x)|, less the cost of a larger kN. */
  private static double score(int lowBitsOfKn, byte[] symbolsOfN, int candidate) {
    double score = -0.5 * Math.log(CANDIDATES[candidate]);
    int mod8 = lowBitsOfKn & 7;
    if (mod8 == 1) {
      score += 2 * Math.log(2);
    } else if (mod8 == 5) {
      score += Math.log(2);
    } else if (mod8 == 3 || mod8 == 7) {
      score += 0.5 * Math.log(2);
    }
    byte[] symbolsOfK = CANDIDATE_SYMBOLS[candidate];
    for (int i = 0; i < ODD_PRIMES.length; i++) {
      int symbol = symbolsOfN[i] * symbolsOfK[i];
      if (symbol == 0) {
        score += DIVIDING_WEIGHTS[i];
      } else if (symbol == 1) {
        score += RESIDUE_WEIGHTS[i];
      }
    }
    return score;
  }

  private static byte[][] candidateSymbols() {
    byte[][] symbols = new byte[CANDIDATES.length][ODD_PRIMES.length];
    for (int c = 0; c < CANDIDATES.length; c++) {
      for (int i = 0; i < ODD_PRIMES.length; i++) {
        symbols[c][i] = symbol(CANDIDATES[c] % ODD_PRIMES[i], ODD_PRIMES[i]);
      }
    }
    return symbols;
  }

  /** The Legendre symbol (a / p) for 0 <= a < p, by Euler's criterion. */
  private static byte symbol(long a, int p) {
    if (a == 0) {
      return 0;
    }
    return (byte) (ModularInts.isQuadraticResidue((int) a, p) ? 1 : -1);
  }
}
