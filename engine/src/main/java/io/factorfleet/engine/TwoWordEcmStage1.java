package io.factorfleet.engine;

/**
 * Stage 1 of a two-word ECM curve: [k]P for the start point P = (xb : 1) and the product k of all
 * prime powers up to B1, by a Montgomery ladder over every bit of k, in chunks of steps between
 * deadline checks. Not thread-safe: one instance per number.
 */
final class TwoWordEcmStage1 {

  /** Stage-1 ladder steps per call, between deadline checks. */
  private static final int LADDER_CHUNK = 32;

  private final TwoWordMontgomery mont;
  private final TwoWordCurve curve;
  private final Deadline deadline;

  /** Where the stage-1 ladder stands between chunks: [k]P and [k + 1]P, X and Z of each. */
  private final long[] ladderState = new long[8];

  TwoWordEcmStage1(TwoWordMontgomery mont, TwoWordCurve curve, Deadline deadline) {
    this.mont = mont;
    this.curve = curve;
    this.deadline = deadline;
  }

  /**
   * Runs stage 1 from P = (xb : 1) with one = R mod n on the current curve; leaves [k]P in the
   * curve's result fields and returns true, or returns false when the deadline expired.
   */
  boolean run(long xb0, long xb1, long one0, long one1, EcmPlan plan) {
    TwoWordCurve c = curve;
    c.doublePoint(xb0, xb1, one0, one1);
    long[] masks = plan.stage1Masks;
    long[] state = ladderState;
    state[0] = xb0;
    state[1] = xb1;
    state[2] = one0;
    state[3] = one1;
    state[4] = c.resultX0;
    state[5] = c.resultX1;
    state[6] = c.resultZ0;
    state[7] = c.resultZ1;
    for (int from = 0; from < masks.length; from += LADDER_CHUNK) {
      if (deadline.expired()) {
        return false;
      }
      ladder(xb0, xb1, masks, from, Math.min(masks.length, from + LADDER_CHUNK));
    }
    c.resultX0 = state[0];
    c.resultX1 = state[1];
    c.resultZ0 = state[2];
    c.resultZ1 = state[3];
    return true;
  }

  /**
   * Stage 1, steps from to to - 1: the Montgomery ladder with P = (xb : 1) over the bits of the
   * stage-1 multiplier k given as masks, continuing from ([k']P, [k' + 1]P) in ladderState. A
   * method of its own, apart from the set-up, because the JIT inlines at most 8000 bytecodes into
   * one method and each inlined multiply counts about 600; called per chunk of steps, because the
   * JIT compiles a method after a few hundred calls but a loop only after about 100,000 iterations
   * (about 35 curves), which a short input never leaves.
   *
   * <p>Longer than the engine's other methods, and kept whole: split into helpers, each step would
   * hand its points back through memory, one word per call, and the loop must stay one compiled
   * method below the JIT's inlining limit with every coordinate in a register.
   */
  private void ladder(long xb0, long xb1, long[] masks, int from, int to) {
    TwoWordMontgomery m = mont;
    long[] state = ladderState;
    long xa0 = state[0];
    long xa1 = state[1];
    long za0 = state[2];
    long za1 = state[3];
    long x10 = state[4];
    long x11 = state[5];
    long z10 = state[6];
    long z11 = state[7];
    long c0 = curve.a24Low;
    long c1 = curve.a24High;
    for (int i = from; i < to; i++) {
      // (xa : za) = [k]P and (x1 : z1) = [k + 1]P. On a one bit the two swap places, so that the
      // step is always "add into the second, double the first", then swap back: the bits are
      // unpredictable, so masks beat branches.
      long mask = masks[i];
      long swap = (xa0 ^ x10) & mask;
      xa0 ^= swap;
      x10 ^= swap;
      swap = (xa1 ^ x11) & mask;
      xa1 ^= swap;
      x11 ^= swap;
      swap = (za0 ^ z10) & mask;
      za0 ^= swap;
      z10 ^= swap;
      swap = (za1 ^ z11) & mask;
      za1 ^= swap;
      z11 ^= swap;
      long d10 = m.subtract(xa0, xa1, za0, za1);
      long d11 = m.high;
      long s10 = m.add(xa0, xa1, za0, za1);
      long s11 = m.high;
      long d20 = m.subtract(x10, x11, z10, z11);
      long d21 = m.high;
      long s20 = m.add(x10, x11, z10, z11);
      long s21 = m.high;
      long p0 = m.multiply(d10, d11, s20, s21);
      long p1 = m.high;
      long q0 = m.multiply(s10, s11, d20, d21);
      long q1 = m.high;
      long sum0 = m.add(p0, p1, q0, q1);
      long sum1 = m.high;
      long dif0 = m.subtract(p0, p1, q0, q1);
      long dif1 = m.high;
      // [2k + 1]P = [k + 1]P + [k]P, whose difference is P = (xb : 1)
      x10 = m.multiply(sum0, sum1, sum0, sum1);
      x11 = m.high;
      long e0 = m.multiply(dif0, dif1, dif0, dif1);
      long e1 = m.high;
      z10 = m.multiply(xb0, xb1, e0, e1);
      z11 = m.high;
      // [2k]P
      long ss0 = m.multiply(s10, s11, s10, s11);
      long ss1 = m.high;
      long dd0 = m.multiply(d10, d11, d10, d11);
      long dd1 = m.high;
      long t0 = m.subtract(ss0, ss1, dd0, dd1);
      long t1 = m.high;
      xa0 = m.multiply(ss0, ss1, dd0, dd1);
      xa1 = m.high;
      long u0 = m.multiply(c0, c1, t0, t1);
      long u1 = m.high;
      u0 = m.add(u0, u1, dd0, dd1);
      u1 = m.high;
      za0 = m.multiply(t0, t1, u0, u1);
      za1 = m.high;
      swap = (xa0 ^ x10) & mask;
      xa0 ^= swap;
      x10 ^= swap;
      swap = (xa1 ^ x11) & mask;
      xa1 ^= swap;
      x11 ^= swap;
      swap = (za0 ^ z10) & mask;
      za0 ^= swap;
      z10 ^= swap;
      swap = (za1 ^ z11) & mask;
      za1 ^= swap;
      z11 ^= swap;
    }
    state[0] = xa0;
    state[1] = xa1;
    state[2] = za0;
    state[3] = za1;
    state[4] = x10;
    state[5] = x11;
    state[6] = z10;
    state[7] = z11;
  }
}
