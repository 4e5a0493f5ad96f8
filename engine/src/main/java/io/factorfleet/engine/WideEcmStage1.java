package io.factorfleet.engine;

/**
 * Stage 1 of an ECM curve in multi-word arithmetic: [k]P for the curve's start point P and the
 * product k of all prime powers up to B1, by a Montgomery ladder over the bits of k, checking the
 * deadline every {@value #CHECK_EVERY} steps. Not thread-safe: one instance per number.
 */
final class WideEcmStage1 {

  /** Deadline checks happen every this many ladder steps. */
  static final int CHECK_EVERY = 256;

  private final WideMontgomery mont;
  private final WideCurve curve;
  private final Deadline deadline;

  WideEcmStage1(WideMontgomery mont, WideCurve curve, Deadline deadline) {
    this.mont = mont;
    this.curve = curve;
    this.deadline = deadline;
  }

  /** Sets (xa : za) to [k]P; returns false when the deadline expired first. */
  boolean run(EcmPlan plan, long[] xa, long[] za) {
    WideCurve c = curve;
    c.copyStart(xa, za);
    long[] xb = mont.newResidue();
    long[] zb = mont.newResidue();
    c.doubleX(xb, zb, xa, za);
    boolean[] bits = plan.stage1Bits;
    for (int i = 0; i < bits.length; i++) {
      if ((i & (CHECK_EVERY - 1)) == 0 && deadline.expired()) {
        return false;
      }
      if (bits[i]) {
        c.addXFromBase(xa, za, xa, za, xb, zb);
        c.doubleX(xb, zb, xb, zb);
      } else {
        c.addXFromBase(xb, zb, xa, za, xb, zb);
        c.doubleX(xa, za, xa, za);
      }
    }
    return true;
  }
}
