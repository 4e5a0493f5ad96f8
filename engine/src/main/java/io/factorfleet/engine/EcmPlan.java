package io.factorfleet.engine;

import java.math.BigInteger;
import java.util.BitSet;

/**
 * The precomputed schedule of one ECM parameter choice: the stage-1 multiplier (the product of all
 * prime powers up to B1) and, for stage 2, which baby steps to pair with each giant step so that
 * every prime in (B1, B2] is covered. Immutable and shared by all threads.
 */
final class EcmPlan {

  /** Giant-step stride; the baby steps are the odd residues below WHEEL / 2 prime to it. */
  static final int WHEEL = 210;

  /** Baby-step multipliers: odd i below WHEEL / 2 with gcd(i, WHEEL) = 1. */
  static final int[] BABY_STEPS = babySteps();

  final int b1;
  final int b2;

  /** Bits of the stage-1 multiplier, most significant first, after the leading one. */
  final boolean[] stage1Bits;

  /**
   * Bits of the odd part of the stage-1 multiplier as masks, most significant first, after the
   * leading one: -1 for a one bit, 0 for a zero bit (for branch-free ladders).
   */
  final long[] oddStage1Masks;

  /** All bits of the stage-1 multiplier as such masks, for ladders that run over every bit. */
  final long[] stage1Masks;

  /** The exponent of 2 in the stage-1 multiplier: doublings, cheaper than ladder steps. */
  final int stage1Doublings;

  /** First giant step multiplier j (the giant point is [j * WHEEL]Q). */
  final int firstGiant;

  /** For each giant step j from firstGiant, the bit mask of baby steps to pair with it. */
  final int[] pairMasks;

  EcmPlan(int b1, int b2) {
    this.b1 = b1;
    this.b2 = b2;
    this.stage1Bits = stage1Bits(b1);
    int doublings = 0;
    while (!stage1Bits[stage1Bits.length - 1 - doublings]) {
      doublings++;
    }
    this.stage1Doublings = doublings;
    this.stage1Masks = new long[stage1Bits.length];
    for (int i = 0; i < stage1Masks.length; i++) {
      stage1Masks[i] = stage1Bits[i] ? -1L : 0L;
    }
    this.oddStage1Masks = new long[stage1Bits.length - doublings];
    for (int i = 0; i < oddStage1Masks.length; i++) {
      oddStage1Masks[i] = stage1Bits[i] ? -1L : 0L;
    }
    BitSet primes = primesUpTo(b2 + WHEEL);
    this.firstGiant = Math.max(1, (b1 + WHEEL / 2) / WHEEL);
    int lastGiant = (b2 + WHEEL / 2) / WHEEL;
    this.pairMasks = new int[Math.max(0, lastGiant - firstGiant + 1)];
    for (int j = firstGiant; j <= lastGiant; j++) {
      int mask = 0;
      for (int t = 0; t < BABY_STEPS.length; t++) {
        int plus = j * WHEEL + BABY_STEPS[t];
        int minus = j * WHEEL - BABY_STEPS[t];
        if (inStage2(plus, primes) || inStage2(minus, primes)) {
          mask |= 1 << t;
        }
      }
      pairMasks[j - firstGiant] = mask;
    }
  }

  private boolean inStage2(int q, BitSet primes) {
    return q > b1 && q <= b2 && primes.get(q);
  }

  private static boolean[] stage1Bits(int b1) {
    BigInteger k = BigInteger.ONE;
    BitSet primes = primesUpTo(b1);
    for (int p = primes.nextSetBit(2); p >= 0; p = primes.nextSetBit(p + 1)) {
      long power = p;
      while (power * p <= b1) {
        power *= p;
      }
      k = k.multiply(BigInteger.valueOf(power));
    }
    boolean[] bits = new boolean[k.bitLength() - 1];
    for (int i = 0; i < bits.length; i++) {
      bits[i] = k.testBit(bits.length - 1 - i);
    }
    return bits;
  }

  static BitSet primesUpTo(int limit) {
    BitSet composite = new BitSet(limit + 1);
    BitSet primes = new BitSet(limit + 1);
    for (int i = 2; i <= limit; i++) {
      if (!composite.get(i)) {
        primes.set(i);
        for (long j = (long) i * i; j <= limit; j += i) {
          composite.set((int) j);
        }
      }
    }
    return primes;
  }

  private static int[] babySteps() {
    return java.util.stream.IntStream.range(1, WHEEL / 2)
        .filter(i -> BigInteger.valueOf(i).gcd(BigInteger.valueOf(WHEEL)).intValue() == 1)
        .toArray();
  }
}
