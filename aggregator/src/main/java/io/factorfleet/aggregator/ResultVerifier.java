package io.factorfleet.aggregator;

import io.factorfleet.engine.Primality;
import io.factorfleet.text.NumberParser;
import io.factorfleet.text.UnsignedDecimals;
import io.factorfleet.wire.NumberResult;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * Checks a worker's answer for one number before anyone sees it: the factors are primes in
 * ascending order and their product (with the cofactor, when partial) is the number.
 */
public final class ResultVerifier {
  /** Why {@code result} is wrong, or empty when it is right. Refusals are taken as they are. */
  public Optional<String> problem(NumberResult result) {
    if (result.isRefused()) {
      return Optional.empty();
    }
    long small =
        result.value() >= 0 ? result.value() : NumberParser.parseSmallCanonical(result.n());
    if (result.cofactor() == null && small >= 0 && checksOutSmall(small, result.factors())) {
      return Optional.empty();
    }
    BigInteger n;
    try {
      n = parseCanonical(result.n());
    } catch (NumberFormatException e) {
      return Optional.of("'" + result.n() + "' is not a canonical decimal number");
    }
    BigInteger product = BigInteger.ONE;
    BigInteger previous = BigInteger.ZERO;
    List<String> factors = result.factors();
    for (String text : factors) {
      BigInteger p;
      try {
        p = parseCanonical(text);
      } catch (NumberFormatException e) {
        return Optional.of("factor '" + text + "' of " + n + " is not a decimal number");
      }
      if (p.compareTo(previous) < 0) {
        return Optional.of("factors of " + n + " are not in ascending order");
      }
      if (!Primality.isPrime(p)) {
        return Optional.of("factor " + p + " of " + n + " is not prime");
      }
      product = product.multiply(p);
      previous = p;
    }
    if (result.cofactor() != null) {
      BigInteger cofactor;
      try {
        cofactor = parseCanonical(result.cofactor());
      } catch (NumberFormatException e) {
        return Optional.of("cofactor of " + n + " is not a decimal number");
      }
      if (cofactor.compareTo(BigInteger.ONE) <= 0 || Primality.isPrime(cofactor)) {
        return Optional.of("cofactor " + cofactor + " of " + n + " is not composite");
      }
      product = product.multiply(cofactor);
    }
    boolean trivial = n.compareTo(BigInteger.ONE) <= 0;
    if (trivial ? !factors.isEmpty() || result.cofactor() != null : !product.equals(n)) {
      return Optional.of("the factors given do not multiply to " + n);
    }
    return Optional.empty();
  }

  /**
   * The common case in long arithmetic: a complete factorization of a number below 2^63. Returns
   * false when anything is off, and the general check then says what.
   */
  private static boolean checksOutSmall(long n, List<String> factors) {
    UnsignedDecimals values = factors instanceof UnsignedDecimals u ? u : null;
    long product = 1;
    long previous = 0;
    for (int i = 0; i < factors.size(); i++) {
      long p =
          values != null
              ? values.unsigned(i) // 2^63 and above read as negative: not small
              : NumberParser.parseSmallCanonical(factors.get(i));
      if (p < previous || p != previous && !Primality.isPrime(p)) { // a repeat is known prime
        return false; // p < 0 too: not a small canonical number
      }
      try {
        product = Math.multiplyExact(product, p);
      } catch (ArithmeticException overflow) {
        return false;
      }
      previous = p;
    }
    return n <= 1 ? factors.isEmpty() : product == n;
  }

  private static BigInteger parseCanonical(String text) {
    if (text == null || text.isEmpty() || text.length() > 1 && text.charAt(0) == '0') {
      throw new NumberFormatException(text);
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        throw new NumberFormatException(text);
      }
    }
    return new BigInteger(text);
  }
}
