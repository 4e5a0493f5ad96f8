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

  /**
   * Primes with at most this many hits per root in the interval are sieved a fixed number of times
   * each; measured at 60 and 70 digits against stopping at the interval's end (docs/engine.md).
   */
  private static final int FIXED_HITS = 8;

  /** The interval's 2M cells, then as many spare ones that take the hits past its end. */
  private final byte[] cells;

  private final int size;
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
    this.size = 2 * halfWidth;
    this.cells = new byte[2 * size];
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
    return size;
  }

  /** Sieves the current polynomial of the family. */
  public void sieve(PolynomialFamily family) {
    Arrays.fill(cells, 0, size, initial);
    int[] roots1 = family.roots1();
    int[] roots2 = family.roots2();
    int j = sieveManyHits(roots1, roots2, firstSieved, size / FIXED_HITS);
    for (int hits = FIXED_HITS; hits >= 2; hits--) {
      j = sieveFixedHits(roots1, roots2, j, size / (hits - 1), hits);
    }
    sieveOneHit(roots1, roots2, j);
  }

  /**
   * Primes from index {@code j} below {@code bound}: each root steps through the whole interval.
   * Returns the index of the first prime not sieved.
   */
  private int sieveManyHits(int[] roots1, int[] roots2, int j, int bound) {
    byte[] s = cells;
    for (; j < logs.length; j++) {
      int p = factorBase.prime(j);
      if (p >= bound) {
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
    return j;
  }

  /**
   * Primes from index {@code j} below {@code bound = size / (hits - 1)}, all at least {@code size /
   * hits}: each root is added exactly {@code hits} times, the positions past the interval landing
   * in the spare cells. The same trip count for every prime of the range keeps the loop's branch
   * predicted, where stopping at the interval's end would mispredict about once per prime.
   */
  private int sieveFixedHits(int[] roots1, int[] roots2, int j, int bound, int hits) {
    byte[] s = cells;
    for (; j < logs.length; j++) {
      int p = factorBase.prime(j);
      if (p >= bound) {
        break;
      }
      int r1 = roots1[j];
      if (r1 == PolynomialFamily.NO_ROOT) {
        continue;
      }
      int r2 = roots2[j];
      byte log = logs[j];
      for (int h = 0; h < hits; h++) {
        s[r1] += log;
        s[r2] += log;
        r1 += p;
        r2 += p;
      }
    }
    return j;
  }

  /**
   * The primes from index {@code j} on, all at least the interval's size: each root hits at most
   * once, and a root past the interval (or {@link PolynomialFamily#NO_ROOT}, as an unsigned value)
   * is sent to the spare cell at {@code size} instead of being branched around.
   */
  private void sieveOneHit(int[] roots1, int[] roots2, int j) {
    byte[] s = cells;
    long spare = size;
    for (; j < logs.length; j++) {
      byte log = logs[j];
      s[(int) Math.min(roots1[j] & 0xFFFFFFFFL, spare)] += log;
      s[(int) Math.min(roots2[j] & 0xFFFFFFFFL, spare)] += log;
    }
  }

  /**
   * Writes the positions whose cells reached the threshold into {@code out} and returns their
   * count, at most {@code out.length}.
   */
  public int candidates(int[] out) {
    int found = 0;
    byte[] s = cells;
    // candidates are rare: test 32 cells at a time, the size being a multiple of 128
    for (int i = 0; i < size && found < out.length; i += 32) {
      long word =
          (long) LONGS.get(s, i)
              | (long) LONGS.get(s, i + 8)
              | (long) LONGS.get(s, i + 16)
              | (long) LONGS.get(s, i + 24);
      if ((word & TOP_BITS) != 0) {
        for (int k = 0; k < 32 && found < out.length; k++) {
          if (s[i + k] < 0) {
            out[found++] = i + k;
          }
        }
      }
    }
    return found;
  }

  /** The scaled logarithm added for the factor-base prime at {@code index}, 0 where not sieved. */
  int logOf(int index) {
    return index < firstSieved ? 0 : logs[index];
  }

  /** The cell at {@code position} as the last sieve left it, before any threshold. */
  int cell(int position) {
    return cells[position];
  }

  /** The value every cell starts from: 128 less the threshold. */
  int initialCell() {
    return initial;
  }

  private static double log2(BigInteger value) {
    int shift = Math.max(0, value.bitLength() - 60);
    return Math.log(value.shiftRight(shift).doubleValue()) / Math.log(2) + shift;
  }
}
