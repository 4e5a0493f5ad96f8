package io.factorfleet.engine.siqs.sieve;

import io.factorfleet.engine.siqs.FactorBase;
import io.factorfleet.engine.siqs.poly.PolynomialFamily;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The sieve proper: for the current polynomial, adds the scaled logarithm of each factor-base prime
 * p at every position x + M where p divides Q(x), then reports the positions whose sum reached the
 * threshold. Cells start at {@code 128 - threshold}, so a candidate is a cell whose top bit is set,
 * and eight cells are tested at once.
 *
 * <p>Primes below the small-prime limit are not sieved (they cost the most and add the least); the
 * threshold's slack covers them. Mutable: one instance per sieving thread.
 */
public final class SieveCore {

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long TOP_BITS = 0x8080808080808080L;

  /** The scaled logarithms stay below this, so that cells never wrap past 255. */
  private static final double MAX_SCALED_LOG = 100;

  private final FactorBase factorBase;
  private final byte[] cells;
  private final byte[] logs;
  private final byte initial;
  private final int firstSieved;

  /**
   * A sieve of 2M cells for the factor base; candidates are values within {@code thresholdSlack}
   * bits of the largest |Q(x)|, about {@code M sqrt(kN / 2)}.
   */
  public SieveCore(
      FactorBase factorBase, int halfWidth, int smallPrimeLimit, double thresholdSlack) {
    this.factorBase = factorBase;
    this.cells = new byte[2 * halfWidth];
    double maxLog2 = log2(factorBase.kN()) / 2 - 0.5 + Math.log(halfWidth) / Math.log(2);
    double scale = Math.min(1, MAX_SCALED_LOG / maxLog2);
    this.logs = new byte[factorBase.size()];
    int first = factorBase.size();
    for (int j = factorBase.size() - 1; j >= 1; j--) {
      int p = factorBase.prime(j);
      logs[j] = (byte) Math.round(Math.log(p) / Math.log(2) * scale);
      if (p >= smallPrimeLimit) {
        first = j;
      }
    }
    this.firstSieved = first;
    long threshold = Math.round(Math.max(1, maxLog2 - thresholdSlack) * scale);
    this.initial = (byte) (128 - threshold);
  }

  /** The number of cells, 2M. */
  public int size() {
    return cells.length;
  }

  /** Sieves the current polynomial of the family. */
  public void sieve(PolynomialFamily family) {
    byte[] s = cells;
    Arrays.fill(s, initial);
    int[] roots1 = family.roots1();
    int[] roots2 = family.roots2();
    int size = s.length;
    int j = firstSieved;
    for (; j < logs.length; j++) {
      int p = factorBase.prime(j);
      if (p >= size) {
        break;
      }
      int r1 = roots1[j];
      if (r1 == PolynomialFamily.NO_ROOT) {
        continue;
      }
      int r2 = roots2[j];
      if (r1 > r2) {
        int t = r1;
        r1 = r2;
        r2 = t;
      }
      byte log = logs[j];
      int gap = r2 - r1;
      int last = size - gap;
      for (; r1 < last; r1 += p) {
        s[r1] += log;
        s[r1 + gap] += log;
      }
      if (r1 < size) {
        s[r1] += log;
      }
    }
    for (; j < logs.length; j++) {
      int r1 = roots1[j];
      int r2 = roots2[j];
      byte log = logs[j];
      if (r1 < size && r1 >= 0) {
        s[r1] += log;
      }
      if (r2 < size && r2 >= 0) {
        s[r2] += log;
      }
    }
  }

  /**
   * Writes the positions whose cells reached the threshold into {@code out} and returns their
   * count, at most {@code out.length}.
   */
  public int candidates(int[] out) {
    int found = 0;
    byte[] s = cells;
    for (int i = 0; i < s.length && found < out.length; i += 8) {
      long word = (long) LONGS.get(s, i);
      if ((word & TOP_BITS) != 0) {
        for (int k = 0; k < 8 && found < out.length; k++) {
          if (s[i + k] < 0) {
            out[found++] = i + k;
          }
        }
      }
    }
    return found;
  }

  private static double log2(BigInteger value) {
    int shift = Math.max(0, value.bitLength() - 60);
    return Math.log(value.shiftRight(shift).doubleValue()) / Math.log(2) + shift;
  }
}
