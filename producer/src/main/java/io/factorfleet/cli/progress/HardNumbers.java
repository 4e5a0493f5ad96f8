package io.factorfleet.cli.progress;

import io.factorfleet.engine.FactoringListener;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The numbers being factored right now, as the engine reports on them, for a status line: {@link
 * #line} shows the one watched longest once it has taken more than {@link #SHOW_AFTER}, so that the
 * many numbers done in an instant never flash on the terminal. Thread-safe: each factoring thread
 * watches its own number.
 */
public final class HardNumbers {
  /** How long a number is factored before it is shown. */
  public static final Duration SHOW_AFTER = Duration.ofSeconds(1);

  private final LongSupplier nanoClock;
  private final Set<Watch> watched = ConcurrentHashMap.newKeySet();

  /**
   * @param nanoClock the time in nanoseconds, as {@link System#nanoTime} gives it
   */
  public HardNumbers(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  /** Watches the numbers factored with the system's clock. */
  public static HardNumbers onSystemClock() {
    return new HardNumbers(System::nanoTime);
  }

  /**
   * Starts watching {@code n}: give the watch to the engine as its listener, and close it when the
   * number is done.
   */
  public Watch watch(BigInteger n) {
    Watch watch = new Watch(n.toString().length(), nanoClock.getAsLong());
    watched.add(watch);
    return watch;
  }

  /**
   * The line of the number watched longest, once it has taken more than {@link #SHOW_AFTER} and the
   * engine has said something about it; empty when there is none.
   *
   * @param width columns of the terminal
   */
  public String line(int width) {
    long now = nanoClock.getAsLong();
    Watch oldest = null;
    for (Watch watch : watched) {
      if (watch.status != null && (oldest == null || watch.started - oldest.started < 0)) {
        oldest = watch;
      }
    }
    if (oldest == null || now - oldest.started <= SHOW_AFTER.toNanos()) {
      return "";
    }
    return oldest.status.render(width);
  }

  /** One number being factored: the engine's listener on it. */
  public final class Watch implements FactoringListener, AutoCloseable {
    private final int digits;
    private final long started;
    private volatile HardNumberStatus status;
    private volatile int workers;
    private volatile double perWorker;

    private Watch(int digits, long started) {
      this.digits = digits;
      this.started = started;
    }

    @Override
    public void ecmCurves(int bits, int curves) {
      status = HardNumberStatus.ecm(digits, curves);
    }

    @Override
    public void sieveRelations(int bits, int found, int needed) {
      status = HardNumberStatus.sieving(digits, found, needed).onWorkers(workers, perWorker);
    }

    @Override
    public void sieveWorkers(int bits, int workers, double relationsPerSecond) {
      this.workers = workers;
      this.perWorker = relationsPerSecond;
    }

    @Override
    public void sieveMatrix(int bits, int rows, int columns) {
      status = HardNumberStatus.matrix(digits, rows, columns);
    }

    /** The number is done: it is no longer shown. */
    @Override
    public void close() {
      watched.remove(this);
    }
  }
}
