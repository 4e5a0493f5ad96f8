package io.factorfleet.engine.siqs;

import java.math.BigInteger;
import java.util.stream.IntStream;

/**
 * The Knuth-Schroeppel choice of a small square-free multiplier k: sieving over kN instead of N
 * pays when many small primes are then quadratic residues, since each such prime divides sieve
 * values twice as often as an average prime.
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

  private Multiplier() {}

  /** The multiplier with the best Knuth-Schroeppel score for n (odd, not a perfect square). */
  public static int choose(BigInteger n) {
    int[] residues = new int[ODD_PRIMES.length];
    for (int i = 0; i < ODD_PRIMES.length; i++) {
      residues[i] = n.mod(BigInteger.valueOf(ODD_PRIMES[i])).intValue();
    }
    double bestScore = Double.NEGATIVE_INFINITY;
    int best = 1;
    for (int k : CANDIDATES) {
      double score = score(n.intValue() * k, residues, k);
      if (score > bestScore) {
        bestScore = score;
        best = k;
      }
    }
    return best;
  }

  /** The expected contribution of small primes to log |Q(x)|, less the cost of a larger kN. */
  private static double score(int lowBitsOfKn, int[] residuesOfN, int k) {
    double score = -0.5 * Math.log(k);
    int mod8 = lowBitsOfKn & 7;
    if (mod8 == 1) {
      score += 2 * Math.log(2);
    } else if (mod8 == 5) {
      score += Math.log(2);
    } else if (mod8 == 3 || mod8 == 7) {
      score += 0.5 * Math.log(2);
    }
    for (int i = 0; i < ODD_PRIMES.length; i++) {
      int p = ODD_PRIMES[i];
      int residue = (int) ((long) residuesOfN[i] * k % p);
      if (residue == 0) {
        score += Math.log(p) / p;
      } else if (ModularInts.isQuadraticResidue(residue, p)) {
        score += 2 * Math.log(p) / (p - 1);
      }
    }
    return score;
  }
}
