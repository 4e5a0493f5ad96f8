package io.factorfleet.engine;

import io.factorfleet.engine.siqs.Siqs;
import io.factorfleet.engine.siqs.SiqsListener;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * Factors integers of any size within a deadline: trial division, then perfect-power detection, ECM
 * and the quadratic sieve on the composite parts, handing every part that fits in 64 bits to {@link
 * LongFactorizer}.
 */
final class WideFactorizer {

  /** Trial division covers the odd primes below this bound. */
  private static final int TRIAL_BOUND = 1 << 14;

  /** Products of consecutive trial primes, each below 2^63, so one BigInteger.mod tests several. */
  private static final long[] PRIME_GROUP_PRODUCTS;

  /** PRIME_GROUP_STARTS[g] is the index in SmallPrimes.PRIMES of group g's first prime. */
  private static final int[] PRIME_GROUP_STARTS;

  private static final BigInteger TWO_POW_64 = BigInteger.ONE.shiftLeft(64);

  /**
   * Composites of this many bits and more go to the quadratic sieve after an ECM pretest; below,
   * ECM alone is faster. On balanced semiprimes the two are even at 80 to 87 bits, and the sieve
   * pulls ahead from there (1.5x at 94 bits, 10x at 113): {@code SiqsDispatchReport} in bench/jmh,
   * see docs/engine.md.
   */
  static final int SIQS_MIN_BITS = 90;

  private static final double LOG10_2 = Math.log10(2);

  /**
   * The ECM pretest looks for factors of this share of the composite's digits. GMP-ECM's rule of a
   * third costs more than the sieve itself here (at 60 digits, 373 curves up to B1 = 11000 took 8.8
   * s against 2.4 s of sieving), so the pretest stops a level lower: 33 curves at 60 digits, 123
   * from 70. Measured with {@code SiqsDispatchReport} in bench/jmh; see docs/engine.md.
   */
  static final double PRETEST_SHARE_OF_DIGITS = 0.22;

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

  /**
   * Factors n >= 2^64 until the deadline; the cofactor of the result is null when complete.
   *
   * @param sieveThreads threads the quadratic sieve may use for one number
   * @param splitter where the composites for the sieve are split, when it takes them; may be null
   */
  static Factorization factor(
      BigInteger n,
      Deadline deadline,
      FactoringListener listener,
      int sieveThreads,
      CompositeSplitter splitter) {
    List<BigInteger> primes = new ArrayList<>();
    BigInteger rest = trialDivide(n, primes);
    List<Found> found = new ArrayList<>();
    primes.forEach(p -> found.add(new Found(p, FactorMethod.TRIAL_DIVISION)));
    BigInteger unfinished = BigInteger.ONE;
    Deque<Found> pending = new ArrayDeque<>();
    pending.push(new Found(rest, FactorMethod.TRIAL_DIVISION));
    long[] words = new long[64];
    while (!pending.isEmpty()) {
      Found part = pending.pop();
      BigInteger m = part.value();
      if (m.equals(BigInteger.ONE)) {
        continue;
      }
      if (m.compareTo(TWO_POW_64) < 0) {
        int count = LongFactorizer.factor(m.longValue(), words);
        FactorMethod[] methods = LongFactorizer.methodsOf(words, count, part.method());
        for (int i = 0; i < count; i++) {
          found.add(new Found(UnsignedMath.toBigInteger(words[i]), methods[i]));
        }
      } else if (Primality.isPrime(m)) {
        found.add(part);
      } else {
        Split split = split(m, deadline, listener, sieveThreads, splitter);
        if (split == null) {
          unfinished = unfinished.multiply(m);
        } else {
          split.parts().forEach(p -> pending.push(new Found(p, split.method())));
        }
      }
    }
    found.sort(Comparator.comparing(Found::value));
    return new Factorization(
        n,
        found.stream().map(Found::value).toList(),
        unfinished.equals(BigInteger.ONE) ? null : unfinished,
        found.stream().map(Found::method).toList());
  }

  /** A number found, prime or still to split, and the method that found it. */
  private record Found(BigInteger value, FactorMethod method) {}

  /** The parts a composite was split into, and how. */
  private record Split(List<BigInteger> parts, FactorMethod method) {}

  /**
   * Splits the composite m (no factor below the trial bound) into two or more parts, or returns
   * null when the deadline expires first. Below {@link #SIQS_MIN_BITS} ECM alone; above, the
   * splitter when it takes m, else a short ECM pretest for factors of about a fifth of m's digits,
   * then the quadratic sieve.
   */
  private static Split split(
      BigInteger m,
      Deadline deadline,
      FactoringListener listener,
      int sieveThreads,
      CompositeSplitter splitter) {
    int maxExponent = m.bitLength() / 14;
    for (int k = 2; k <= maxExponent; k++) {
      BigInteger root = PerfectPowers.root(m, k);
      if (root.pow(k).equals(m)) {
        return new Split(Collections.nCopies(k, root), FactorMethod.PERFECT_POWER);
      }
    }
    if (m.bitLength() >= SIQS_MIN_BITS && splitter != null && splitter.takes(m)) {
      CompositeSplitter.Part part = splitter.split(m, deadline::expired, listener);
      return part == null ? null : twoParts(m, part.factor(), part.method());
    }
    WideEcm ecm = new WideEcm(m, deadline, listener);
    if (m.bitLength() < SIQS_MIN_BITS) {
      return twoParts(m, ecm.findFactor(), FactorMethod.ECM);
    }
    int digits = (int) Math.ceil(m.bitLength() * LOG10_2);
    BigInteger factor = ecm.pretest((int) (digits * PRETEST_SHARE_OF_DIGITS));
    if (factor != null || deadline.expired()) {
      return twoParts(m, factor, FactorMethod.ECM);
    }
    int bits = m.bitLength();
    Siqs siqs =
        new Siqs(
            m,
            sieveThreads,
            deadline::expired,
            new SiqsListener() {
              @Override
              public void relations(int columns, int needed, int partials) {
                listener.sieveRelations(bits, columns, needed);
              }

              @Override
              public void matrix(int rows, int columns) {
                listener.sieveMatrix(bits, rows, columns);
              }
            });
    return twoParts(m, siqs.findFactor(), FactorMethod.SIQS);
  }

  private static Split twoParts(BigInteger m, BigInteger factor, FactorMethod method) {
    return factor == null ? null : new Split(List.of(factor, m.divide(factor)), method);
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
