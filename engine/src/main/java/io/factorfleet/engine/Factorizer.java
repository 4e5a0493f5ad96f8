package io.factorfleet.engine;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Factors non-negative integers into primes, each within a time budget.
 *
 * <p>Thread-safe and stateless apart from immutable tables: one instance may be shared by any
 * number of threads.
 */
public final class Factorizer {

  /** The budget used when none is configured. */
  public static final Duration DEFAULT_BUDGET = Duration.ofMinutes(5);

  /** Budgets are clamped to this so that deadline arithmetic on nanoTime cannot overflow. */
  private static final long MAX_BUDGET_NANOS = Long.MAX_VALUE / 4;

  private static final BigInteger TWO_POW_64 = BigInteger.ONE.shiftLeft(64);

  private final long budgetNanos;
  private final int sieveThreads;

  /**
   * Creates a factorizer giving up on a number after {@code budgetPerNumber}, factoring each number
   * on the calling thread alone.
   *
   * @throws IllegalArgumentException when the budget is zero or negative
   */
  public Factorizer(Duration budgetPerNumber) {
    this(budgetPerNumber, 1);
  }

  /**
   * Creates a factorizer giving up on a number after {@code budgetPerNumber}, whose quadratic sieve
   * spreads one hard number over {@code sieveThreads} threads (the calling one included).
   *
   * @throws IllegalArgumentException when the budget is zero or negative, or sieveThreads below 1
   */
  public Factorizer(Duration budgetPerNumber, int sieveThreads) {
    Objects.requireNonNull(budgetPerNumber, "budgetPerNumber must not be null");
    if (sieveThreads < 1) {
      throw new IllegalArgumentException("sieveThreads must be at least 1 but was " + sieveThreads);
    }
    this.sieveThreads = sieveThreads;
    if (budgetPerNumber.isNegative() || budgetPerNumber.isZero()) {
      throw new IllegalArgumentException(
          "budgetPerNumber must be positive but was " + budgetPerNumber);
    }
    long nanos;
    try {
      nanos = budgetPerNumber.toNanos();
    } catch (ArithmeticException tooLong) {
      nanos = MAX_BUDGET_NANOS;
    }
    this.budgetNanos = Math.min(nanos, MAX_BUDGET_NANOS);
  }

  /**
   * Factors {@code n}. The result is partial (has a cofactor) when the budget runs out or the
   * calling thread is interrupted; the interrupt flag is left set.
   *
   * @throws IllegalArgumentException when {@code n} is negative
   */
  public Factorization factor(BigInteger n) {
    return factor(n, FactoringListener.NONE);
  }

  /**
   * Factors {@code n} as {@link #factor(BigInteger)} does, telling {@code listener} how the work on
   * hard parts goes.
   */
  public Factorization factor(BigInteger n, FactoringListener listener) {
    return factor(n, listener, null);
  }

  /**
   * Factors {@code n} as {@link #factor(BigInteger, FactoringListener)} does, but has {@code
   * splitter} split the composites it takes instead of the sieve of this thread.
   */
  public Factorization factor(
      BigInteger n, FactoringListener listener, CompositeSplitter splitter) {
    Objects.requireNonNull(n, "n must not be null");
    Objects.requireNonNull(listener, "listener must not be null");
    if (n.signum() < 0) {
      throw new IllegalArgumentException("n must not be negative but was " + n);
    }
    if (n.compareTo(TWO_POW_64) < 0) {
      long[] out = new long[64];
      int count = factor(n.longValue(), out);
      List<BigInteger> primes = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        primes.add(UnsignedMath.toBigInteger(out[i]));
      }
      FactorMethod[] methods = LongFactorizer.methodsOf(out, count, FactorMethod.TRIAL_DIVISION);
      return new Factorization(n, primes, null, List.of(methods));
    }
    return WideFactorizer.factor(n, Deadline.after(budgetNanos), listener, sieveThreads, splitter);
  }

  /**
   * Allocation-free path: {@code n} is an unsigned 64-bit value; writes its prime factors
   * (unsigned, ascending, with repeats) into {@code out} (length at least 64) and returns their
   * count. 0 and 1 have no factors. Never partial.
   */
  public int factor(long n, long[] out) {
    if (out.length < 64) {
      throw new IllegalArgumentException("out must hold 64 factors but has length " + out.length);
    }
    return LongFactorizer.factor(n, out);
  }
}
