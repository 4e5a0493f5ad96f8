package io.factorfleet.engine;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * Factors integers of any size within a deadline: trial division, then perfect-power detection and
 * ECM on the composite parts, handing every part that fits in 64 bits to {@link LongFactorizer}.
 */
final class WideFactorizer {

  /** Trial division covers the odd primes below this bound. */
  private static final int TRIAL_BOUND = 1 << 14;

  /** Products of consecutive trial primes, each below 2^63, so one BigInteger.mod tests several. */
  private static final long[] PRIME_GROUP_PRODUCTS;

  /** PRIME_GROUP_STARTS[g] is the index in SmallPrimes.PRIMES of group g's first prime. */
  private static final int[] PRIME_GROUP_STARTS;

  private static final BigInteger TWO_POW_64 = BigInteger.ONE.shiftLeft(64);

  static {
    List<Long> products = new ArrayList<>();
    List<Integer> starts = new ArrayList<>();
    int i = 0;
    while (SmallPrimes.PRIMES[i] < TRIAL_BOUND) {
      starts.add(i);
      long product = 1;
      while (SmallPrimes.PRIMES[i] < TRIAL_BOUND
          && Long.MAX_VALUE / SmallPrimes.PRIMES[i] >= product) {
        product *= SmallPrimes.PRIMES[i++];
      }
      products.add(product);
    }
    starts.add(i);
    PRIME_GROUP_PRODUCTS = products.stream().mapToLong(Long::longValue).toArray();
    PRIME_GROUP_STARTS = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  private WideFactorizer() {}

  /** Factors n >= 2^64 until the deadline; the cofactor of the result is null when complete. */
  static Factorization factor(BigInteger n, Deadline deadline) {
    List<BigInteger> primes = new ArrayList<>();
    BigInteger rest = trialDivide(n, primes);
    BigInteger unfinished = BigInteger.ONE;
    Deque<BigInteger> pending = new ArrayDeque<>();
    pending.push(rest);
    long[] words = new long[64];
    while (!pending.isEmpty()) {
      BigInteger m = pending.pop();
      if (m.equals(BigInteger.ONE)) {
        continue;
      }
      if (m.compareTo(TWO_POW_64) < 0) {
        int count = LongFactorizer.factor(m.longValue(), words);
        for (int i = 0; i < count; i++) {
          primes.add(UnsignedMath.toBigInteger(words[i]));
        }
      } else if (Primality.isPrime(m)) {
        primes.add(m);
      } else {
        List<BigInteger> parts = split(m, deadline);
        if (parts == null) {
          unfinished = unfinished.multiply(m);
        } else {
          parts.forEach(pending::push);
        }
      }
    }
    Collections.sort(primes);
    return new Factorization(n, primes, unfinished.equals(BigInteger.ONE) ? null : unfinished);
  }

  /** Splits the composite m (no factor below the trial bound) into two or more parts. */
  private static List<BigInteger> split(BigInteger m, Deadline deadline) {
    int maxExponent = m.bitLength() / 14;
    for (int k = 2; k <= maxExponent; k++) {
      BigInteger root = PerfectPowers.root(m, k);
      if (root.pow(k).equals(m)) {
        return Collections.nCopies(k, root);
      }
    }
    BigInteger factor = new WideEcm(m, deadline).findFactor();
    return factor == null ? null : List.of(factor, m.divide(factor));
  }

  /** Adds the prime factors below the trial bound to primes; returns what is left. */
  private static BigInteger trialDivide(BigInteger n, List<BigInteger> primes) {
    int twos = n.getLowestSetBit();
    for (int i = 0; i < twos; i++) {
      primes.add(BigInteger.TWO);
    }
    BigInteger rest = n.shiftRight(twos);
    for (int g = 0; g < PRIME_GROUP_PRODUCTS.length; g++) {
      long residue = rest.mod(BigInteger.valueOf(PRIME_GROUP_PRODUCTS[g])).longValue();
      for (int i = PRIME_GROUP_STARTS[g]; i < PRIME_GROUP_STARTS[g + 1]; i++) {
        int p = SmallPrimes.PRIMES[i];
        if (residue % p == 0) {
          BigInteger bigP = BigInteger.valueOf(p);
          BigInteger[] qr = rest.divideAndRemainder(bigP);
          while (qr[1].signum() == 0) {
            primes.add(bigP);
            rest = qr[0];
            qr = rest.divideAndRemainder(bigP);
          }
        }
      }
      if (rest.bitLength() <= 64) {
        break; // LongFactorizer finishes the job faster
      }
    }
    return rest;
  }
}
