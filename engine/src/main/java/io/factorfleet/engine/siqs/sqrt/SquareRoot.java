package io.factorfleet.engine.siqs.sqrt;

import io.factorfleet.engine.siqs.Relation;
import io.factorfleet.engine.siqs.relations.RelationSet.Column;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    Map<Long, Integer> exponents = new HashMap<>();
    int negatives = 0;
    for (int c : dependency) {
      for (Relation relation : columns.get(c).relations()) {
        x = x.multiply(relation.y()).mod(n);
        if (relation.negative()) {
          negatives++;
        }
        for (int k = 0; k < relation.primeCount(); k++) {
          exponents.merge((long) relation.prime(k), 1, Integer::sum);
        }
        if (relation.isPartial()) {
          exponents.merge(relation.largePrime(), 1, Integer::sum);
        }
      }
    }
    if (negatives % 2 != 0) {
      throw new IllegalArgumentException("the dependency's product is negative");
    }
    BigInteger y = BigInteger.ONE;
    for (Map.Entry<Long, Integer> entry : exponents.entrySet()) {
      if (entry.getValue() % 2 != 0) {
        throw new IllegalArgumentException(
            "the dependency's product has " + entry.getKey() + " to an odd power");
      }
      BigInteger prime = BigInteger.valueOf(entry.getKey());
      y = y.multiply(prime.modPow(BigInteger.valueOf(entry.getValue() / 2), n)).mod(n);
    }
    BigInteger factor = x.subtract(y).gcd(n);
    return factor.equals(BigInteger.ONE) || factor.equals(n) ? null : factor;
  }
}
