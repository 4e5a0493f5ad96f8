package io.factorfleet.engine.siqs;

import io.factorfleet.engine.siqs.matrix.NullSpaceSolver;
import io.factorfleet.engine.siqs.matrix.NullSpaceSolvers;
import io.factorfleet.engine.siqs.relations.RelationSet;
import io.factorfleet.engine.siqs.sqrt.SquareRoot;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The self-initialising quadratic sieve, end to end: chooses the multiplier and the factor base,
 * collects relations over A coefficients 0, 1, 2, ... (on {@code threads} threads) until the matrix
 * has more columns than rows, finds dependencies and takes square roots until one gives a factor.
 * One instance per number.
 */
public final class Siqs {

  /**
   * Dependencies asked of the solver at first, each verified: one gives a factor of a semiprime
   * with probability 1/2, so all four fail once in 16 numbers. Verifying and mapping back 24 at
   * once, when two are used on average, took a twentieth of a 30-digit factorization.
   */
  private static final int FIRST_DEPENDENCIES = 4;

  /**
   * Dependencies asked of the solver when the first few gave no factor: all of 24 fail once in 16
   * million, and then more relations are collected.
   */
  private static final int DEPENDENCIES = 24;

  /** When no dependency gives a factor, collect this fraction more relations and try again. */
  private static final double MORE_RELATIONS = 0.05;

  private final BigInteger n;
  private final int threads;
  private final BooleanSupplier stopped;
  private final SiqsListener listener;
  private final int multiplier;
  private final SiqsParameters parameters;
  private final FactorBase factorBase;
  private final AtomicLong nextA = new AtomicLong();

  /**
   * Prepares the sieve for the odd composite n, which must not be a perfect power.
   *
   * @param threads sieving threads, the calling one included
   * @param stopped polled by the calling thread; when true, the sieve gives up
   */
  public Siqs(BigInteger n, int threads, BooleanSupplier stopped, SiqsListener listener) {
    this(n, null, threads, stopped, listener);
  }

  /**
   * Prepares the sieve for n with the given parameters instead of those of the table, for measuring
   * new ones; null takes the table's.
   */
  public Siqs(
      BigInteger n,
      SiqsParameters parameters,
      int threads,
      BooleanSupplier stopped,
      SiqsListener listener) {
    this.n = Objects.requireNonNull(n, "n must not be null");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1 but was " + threads);
    }
    this.threads = threads;
    this.stopped = Objects.requireNonNull(stopped, "stopped must not be null");
    this.listener = Objects.requireNonNull(listener, "listener must not be null");
    this.multiplier = Multiplier.choose(n);
    BigInteger kN = n.multiply(BigInteger.valueOf(multiplier));
    this.parameters = parameters != null ? parameters : SiqsParameters.forBits(kN.bitLength());
    this.factorBase = FactorBase.of(kN, this.parameters.factorBaseSize());
  }

  /** The multiplier chosen for n. */
  public int multiplier() {
    return multiplier;
  }

  /** The parameters chosen for n. */
  public SiqsParameters parameters() {
    return parameters;
  }

  /** A proper factor of n, or null when stopped first. */
  public BigInteger findFactor() {
    BigInteger small = factorBasePrimeDividingN();
    if (small != null) {
      return small;
    }
    RelationSet relations = new RelationSet(factorBase);
    int target = parameters.relationsNeeded();
    listener.sieving(multiplier, factorBase.size(), target);
    while (collect(relations, target)) {
      int[][] matrix = relations.matrixColumns();
      listener.matrix(relations.rowCount(), matrix.length);
      List<RelationSet.Column> columns = relations.columns();
      NullSpaceSolver solver = NullSpaceSolvers.forSize(relations.rowCount(), matrix.length);
      List<int[]> tried = List.of();
      for (int wanted : new int[] {FIRST_DEPENDENCIES, DEPENDENCIES}) {
        List<int[]> dependencies = solver.dependencies(relations.rowCount(), matrix, wanted);
        for (int[] dependency : dependencies) {
          if (tried.stream().noneMatch(done -> Arrays.equals(done, dependency))) {
            BigInteger factor = SquareRoot.factorFrom(n, columns, dependency);
            if (factor != null) {
              return factor;
            }
          }
        }
        tried = dependencies;
      }
      target = relations.columnCount() + (int) Math.ceil(target * MORE_RELATIONS);
    }
    return null;
  }

  private BigInteger factorBasePrimeDividingN() {
    for (int j = 0; j < factorBase.size(); j++) {
      BigInteger p = BigInteger.valueOf(factorBase.prime(j));
      if (n.mod(p).signum() == 0 && !n.equals(p)) {
        return p;
      }
    }
    return null;
  }

  /** Sieves until the relations make {@code target} columns; false when stopped first. */
  private boolean collect(RelationSet relations, int target) {
    if (relations.columnCount() >= target) {
      return true;
    }
    AtomicBoolean done = new AtomicBoolean();
    ExecutorService helpers = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int t = 1; t < threads; t++) {
        running.add(helpers.submit(() -> sieveUntil(relations, target, done, () -> false)));
      }
      sieveUntil(relations, target, done, stopped);
      done.set(true);
      for (Future<?> future : running) {
        future.get();
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException failed) {
      throw new IllegalStateException("a sieving thread failed", failed.getCause());
    } finally {
      done.set(true);
      if (helpers != null) {
        helpers.shutdownNow();
      }
    }
    return relations.columnCount() >= target;
  }

  private void sieveUntil(
      RelationSet relations, int target, AtomicBoolean done, BooleanSupplier stop) {
    RelationSieve sieve = new RelationSieve(factorBase, parameters);
    List<Relation> found = new ArrayList<>();
    BooleanSupplier abandon =
        () -> {
          if (stop.getAsBoolean()) {
            done.set(true);
          }
          return done.get();
        };
    while (!abandon.getAsBoolean()) {
      found.clear();
      sieve.sieve(nextA.getAndIncrement(), found::add, abandon);
      synchronized (relations) {
        found.forEach(relations::add);
        listener.relations(relations.columnCount(), target, relations.partialCount());
        if (relations.columnCount() >= target) {
          done.set(true);
        }
      }
    }
  }
}
