package io.factorfleet.engine.siqs;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * The self-initialising quadratic sieve in one process: runs the units of a {@link SieveJob}, one A
 * coefficient each, on {@code threads} threads until the job has enough relations, then has it
 * solve the matrix and take square roots, collecting more relations when no dependency gives a
 * factor. One instance per number.
 */
public final class Siqs {

  private final int threads;
  private final BooleanSupplier stopped;
  private final SiqsListener listener;
  private final SieveJob job;

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
    Objects.requireNonNull(n, "n must not be null");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1 but was " + threads);
    }
    this.threads = threads;
    this.stopped = Objects.requireNonNull(stopped, "stopped must not be null");
    this.listener = Objects.requireNonNull(listener, "listener must not be null");
    this.job = new SieveJob(n, parameters);
  }

  /** The multiplier chosen for n. */
  public int multiplier() {
    return job.multiplier();
  }

  /** The parameters chosen for n. */
  public SiqsParameters parameters() {
    return job.parameters();
  }

  /** A proper factor of n, or null when stopped first. */
  public BigInteger findFactor() {
    BigInteger small = job.factorBasePrimeDividingN();
    if (small != null) {
      return small;
    }
    listener.sieving(job.multiplier(), job.factorBase().size(), job.target());
    while (collect()) {
      BigInteger factor = job.solve(listener);
      if (factor != null) {
        return factor;
      }
    }
    return null;
  }

  /** Sieves until the job has enough relations; false when stopped first. */
  private boolean collect() {
    if (job.hasEnoughRelations()) {
      return true;
    }
    AtomicBoolean done = new AtomicBoolean();
    ExecutorService helpers = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int t = 1; t < threads; t++) {
        running.add(helpers.submit(() -> sieveUntilEnough(done, () -> false)));
      }
      sieveUntilEnough(done, stopped);
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
    synchronized (job) {
      return job.hasEnoughRelations();
    }
  }

  /** Runs units of one A coefficient each until the job has enough relations or is abandoned. */
  private void sieveUntilEnough(AtomicBoolean done, BooleanSupplier stop) {
    RelationSieve sieve = new RelationSieve(job.factorBase(), job.parameters());
    List<Relation> found = new ArrayList<>();
    BooleanSupplier abandon =
        () -> {
          if (stop.getAsBoolean()) {
            done.set(true);
          }
          return done.get();
        };
    while (!abandon.getAsBoolean()) {
      SieveUnit unit;
      synchronized (job) {
        unit = job.nextUnit(1);
      }
      found.clear();
      unit.run(sieve, found::add, abandon);
      synchronized (job) {
        found.forEach(job::add);
        listener.relations(job.columns(), job.target(), job.partials());
        if (job.hasEnoughRelations()) {
          done.set(true);
        }
      }
    }
  }
}
