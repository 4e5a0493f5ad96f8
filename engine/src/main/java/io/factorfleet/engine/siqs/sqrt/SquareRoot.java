package io.factorfleet.engine.siqs.sqrt;

import io.factorfleet.engine.siqs.Relation;
import io.factorfleet.engine.siqs.relations.RelationSet.Column;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

/**
 * The last step of the sieve: a dependency is a set of columns whose relations multiply to a
 * square, {@code X^2 = prod y^2 = prod (y^2 - kN) = Y^2 (mod N)}; then {@code gcd(X - Y, N)} is a
 * proper factor of N about half the time.
 */
public final class SquareRoot {

  private SquareRoot() {}

  /**
   * The factor of n that the dependency gives (the columns at {@code dependency} of {@code
   * columns}), or null when it gives only 1 or n.
   *
   * @throws IllegalArgumentException when the relations do not multiply to a square
   */
  public static BigInteger factorFrom(BigInteger n, List<Column> columns, int[] dependency) {
    BigInteger x = BigInteger.ONE;
    int negatives = 0;
    int primeCount = 0;
    for (int c : dependency) {
      for (Relation relation : columns.get(c).relations()) {
        primeCount += relation.primeCount() + 2;
      }
    }
    // every prime of every relation, sorted: each run of one prime is its exponent
    long[] primes = new long[primeCount];
    int next = 0;
    for (int c : dependency) {
      for (Relation relation : columns.get(c).relations()) {
        x = x.multiply(relation.y()).mod(n);
        if (relation.negative()) {
          negatives++;
        }
        for (int k = 0; k < relation.primeCount(); k++) {
          primes[next++] = relation.prime(k);
        }
        primes[next++] = relation.largePrime(); // 1 for none
        primes[next++] = relation.secondLargePrime();
      }
    }
    if (negatives % 2 != 0) {
      throw new IllegalArgumentException("the dependency's product is negative");
    }
    Arrays.sort(primes);
    BigInteger y = BigInteger.ONE;
    long chunk = 1;
    for (int run = 0; run < primes.length; ) {
      long prime = primes[run];
      int end = run + 1;
      while (end < primes.length && primes[end] == prime) {
        end++;
      }
      if (prime != 1 && (end - run) % 2 != 0) {
        throw new IllegalArgumentException(
            "the dependency's product has " + prime + " to an odd power");
      }
      // y times prime^(exponent / 2), gathered in a long until it would overflow
      for (int k = 0; prime != 1 && k < (end - run) / 2; k++) {
        if (chunk > Long.MAX_VALUE / prime) {
          y = y.multiply(BigInteger.valueOf(chunk)).mod(n);
          chunk = 1;
        }
        chunk *= prime;
      }
      run = end;
    }
    y = y.multiply(BigInteger.valueOf(chunk)).mod(n);
    BigInteger factor = x.subtract(y).gcd(n);
    return factor.equals(BigInteger.ONE) || factor.equals(n) ? null : factor;
  }
}
