package io.factorfleet.engine;

import java.math.BigInteger;

/** Integer roots of big integers, to recognize perfect powers before running ECM. */
final class PerfectPowers {

  private PerfectPowers() {}

  /** Returns floor(m^(1/k)) for m >= 1 and k >= 2, by Newton's iteration from above. */
  static BigInteger root(BigInteger m, int k) {
    if (k == 2) {
      return m.sqrt();
    }
    BigInteger bigK = BigInteger.valueOf(k);
    BigInteger kMinusOne = BigInteger.valueOf(k - 1);
    BigInteger x = BigInteger.ONE.shiftLeft((m.bitLength() + k - 1) / k); // above the root
    while (true) {
      BigInteger next = kMinusOne.multiply(x).add(m.divide(x.pow(k - 1))).divide(bigK);
      if (next.compareTo(x) >= 0) {
        return x;
      }
      x = next;
    }
  }
}
