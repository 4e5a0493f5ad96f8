package io.factorfleet.coordinator;

import io.factorfleet.engine.CompositeSplitter;
import io.factorfleet.engine.EcmUnit;
import io.factorfleet.engine.FactorMethod;
import io.factorfleet.engine.FactoringListener;
import io.factorfleet.engine.siqs.Relation;
import io.factorfleet.engine.siqs.SieveCost;
import io.factorfleet.engine.siqs.SieveJob;
import io.factorfleet.engine.siqs.SieveUnit;
import io.factorfleet.engine.siqs.SiqsListener;
import io.factorfleet.engine.siqs.SiqsParameters;
import io.factorfleet.wire.UnitMessage;
import io.factorfleet.wire.UnitResultMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits one hard number of a job over the fleet: the engine's ECM pretest as units of a few curves
 * each, then the quadratic sieve as units of consecutive A coefficients, keeping as many units out
 * as the workers take at once. Relations are checked as they come and counted once; once there are
 * enough, the workers are told to drop the units still out and the matrix and the square root run
 * here. A unit not answered within its lease is handed out again.
 *
 * <p>Answers kept from an earlier run ({@link SpooledAnswers}) are counted before anything is
 * handed out: their ECM units are not handed out again, their relations are checked and counted
 * like new ones, and the sieve goes on after the last A coefficient they sieved. Unit ids say what
 * each answer was for ({@link UnitIds}).
 *
 * <p>The engine calls {@link #split} on the coordinator's thread for each composite of the number
 * it gives to this splitter; answers arrive on the reply consumer's threads through {@link
 * #accept}.
 */
final class FleetSplitter implements CompositeSplitter {
  private static final Logger log = LoggerFactory.getLogger(FleetSplitter.class);

  /** Curves per ECM unit: the 70-digit pretest of 123 curves makes 17 units. */
  static final int CURVES_PER_UNIT = 8;

  /** What a sieve unit should take on one worker thread, once its A coefficients are timed. */
  static final Duration SIEVE_UNIT_TARGET = Duration.ofMillis(500);

  /** The most A coefficients one sieve unit is given. */
  static final int MAX_A_PER_UNIT = 1024;

  /** A unit is handed out again after this many times the time a unit is expected to take... */
  static final int LEASE_UNITS = 4;

  /** ...and never sooner than this, which covers a worker's start and a unit's queueing. */
  static final Duration MIN_LEASE = Duration.ofSeconds(15);

  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

  private final String job;
  private final long number;
  private final UnitSender sender;
  private final IntSupplier unitsOut;
  private final long minNanos;
  private final SpooledAnswers spooled;
  private final BooleanSupplier stopped;
  private List<UnitResultMessage> kept;
  private final BlockingQueue<UnitResultMessage> answers = new LinkedBlockingQueue<>();
  private int splits;

  /** One past the highest unit id handed out or answered: where units-done draws the line. */
  private long below;

  /**
   * @param job the job of the number
   * @param number the index of the task holding the number
   * @param unitsOut how many units to keep out at once: what the workers take
   * @param minNanos the engine's estimate of a composite's time on one thread from which it is
   *     split over the fleet; cheaper ones are split on the coordinator's thread
   * @param spooled where the answers to the number's units kept from an earlier run are, to count
   *     first; read when the first composite is split
   * @param stopped whether the number is no longer wanted (its job was cancelled)
   */
  FleetSplitter(
      String job,
      long number,
      UnitSender sender,
      IntSupplier unitsOut,
      Duration minNanos,
      SpooledAnswers spooled,
      BooleanSupplier stopped) {
    this.job = job;
    this.number = number;
    this.sender = sender;
    this.unitsOut = unitsOut;
    this.minNanos = minNanos.toNanos();
    this.spooled = spooled;
    this.stopped = stopped;
  }

  /** Takes an answer to one of this number's units, from any thread. */
  void accept(UnitResultMessage answer) {
    answers.add(answer);
  }

  @Override
  public boolean takes(BigInteger m) {
    return SieveCost.nanos(m.bitLength()) >= minNanos;
  }

  @Override
  public Part split(BigInteger m, BooleanSupplier expired, FactoringListener listener) {
    int split = splits++;
    BooleanSupplier over = () -> expired.getAsBoolean() || stopped.getAsBoolean();
    try {
      if (kept == null) {
        kept = List.copyOf(spooled.of(job, number));
      }
      BigInteger factor = pretest(m, split, over, listener);
      if (factor != null) {
        return new Part(factor, FactorMethod.ECM);
      }
      if (over.getAsBoolean()) {
        return null;
      }
      factor = sieve(m, split, over, listener);
      return factor == null ? null : new Part(factor, FactorMethod.SIQS);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot hand out the units of number " + number, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } finally {
      answers.clear();
    }
  }

  /** The ECM pretest, as units; a proper factor of m, or null. */
  private BigInteger pretest(
      BigInteger m, int split, BooleanSupplier over, FactoringListener listener)
      throws IOException, InterruptedException {
    List<EcmUnit> units = EcmUnit.pretest(m, CURVES_PER_UNIT);
    BitSet answered = new BitSet(units.size());
    List<UnitResultMessage> before = spooledOf(split, false);
    int curves = 0;
    for (UnitResultMessage answer : before) {
      BigInteger factor = properFactor(m, answer.factor());
      if (factor != null) {
        done();
        return factor;
      }
      curves += markAnswered(units, answered, answer);
    }
    if (!before.isEmpty()) {
      log.info(
          "number {} of job {}: resuming the ECM pretest with {} of its {} units answered",
          number,
          job,
          answered.cardinality(),
          units.size());
    }
    UnitLedger ledger = new UnitLedger(System::nanoTime);
    long lease = Math.max(MIN_LEASE.toNanos(), LEASE_UNITS * SIEVE_UNIT_TARGET.toNanos());
    long started = System.nanoTime();
    long busy = 0;
    int next = 0;
    while (answered.cardinality() < units.size()) {
      if (over.getAsBoolean()) {
        done();
        return null;
      }
      for (; next < units.size() && ledger.size() < unitsToKeepOut(); next++) {
        if (!answered.get(next)) {
          issue(ledger, ecmUnit(m, split, next, units.get(next)), lease);
        }
      }
      for (UnitResultMessage answer : nextAnswers()) {
        ledger.answered(answer.unit());
        BigInteger factor = properFactor(m, answer.factor());
        if (factor != null) {
          done();
          log.debug("number {} of job {}: ECM found {} in {}", number, job, factor, since(started));
          return factor;
        }
        if (UnitIds.split(answer.unit()) == split && !UnitIds.isSieve(answer.unit())) {
          stopIfRefused(answer);
          curves += markAnswered(units, answered, answer);
          busy += answer.nanos();
          listener.ecmCurves(m.bitLength(), curves);
        }
      }
      reissueExpired(ledger, lease);
    }
    log.debug(
        "number {} of job {}: ECM pretest of {} curves in {}, the workers busy {}",
        number,
        job,
        curves,
        since(started),
        seconds(busy));
    return null;
  }

  /** Marks the ECM unit an answer is for as answered; the curves it adds, 0 if it was before. */
  private static int markAnswered(List<EcmUnit> units, BitSet answered, UnitResultMessage answer) {
    long index = UnitIds.index(answer.unit());
    if (index >= units.size() || answered.get((int) index)) {
      return 0;
    }
    answered.set((int) index);
    return units.get((int) index).curves();
  }

  /** The quadratic sieve, as units; a proper factor of m, or null. */
  private BigInteger sieve(
      BigInteger m, int split, BooleanSupplier over, FactoringListener listener)
      throws IOException, InterruptedException {
    SieveJob sieve = new SieveJob(m);
    BigInteger small = sieve.factorBasePrimeDividingN();
    if (small != null) {
      return small;
    }
    resume(sieve, spooledOf(split, true));
    int bits = m.bitLength();
    SiqsListener matrixListener =
        new SiqsListener() {
          @Override
          public void matrix(int rows, int columns) {
            listener.sieveMatrix(bits, rows, columns);
          }
        };
    UnitLedger ledger = new UnitLedger(System::nanoTime);
    Map<String, Integer> relationsByWorker = new HashMap<>();
    long started = System.nanoTime();
    long busy = 0;
    int units = 0;
    long aSieved = 0;
    int aPerUnit = 1;
    long nanosPerA = SIEVE_UNIT_TARGET.toNanos();
    while (true) {
      if (over.getAsBoolean()) {
        done();
        return null;
      }
      if (sieve.hasEnoughRelations()) {
        done();
        ledger.clear();
        long solving = System.nanoTime();
        BigInteger factor = sieve.solve(matrixListener);
        log.debug(
            "number {} of job {}: sieve of {} units ({} A coefficients) in {}, the workers busy {};"
                + " {} relations, {} partial; matrix and square root {}",
            number,
            job,
            units,
            aSieved,
            seconds(solving - started),
            seconds(busy),
            sieve.columns(),
            sieve.partials(),
            since(solving));
        if (factor != null) {
          return factor;
        }
        continue;
      }
      long lease = Math.max(MIN_LEASE.toNanos(), LEASE_UNITS * nanosPerA * aPerUnit);
      while (ledger.size() < unitsToKeepOut()) {
        issue(ledger, sieveUnit(split, sieve.nextUnit(aPerUnit)), lease);
      }
      List<UnitResultMessage> answered = new ArrayList<>();
      for (UnitResultMessage answer : nextAnswers()) {
        UnitMessage unit = ledger.answered(answer.unit());
        if (UnitIds.split(answer.unit()) != split || !UnitIds.isSieve(answer.unit())) {
          continue; // a late answer to the pretest, or to a composite done with
        }
        stopIfRefused(answer);
        answered.add(answer);
        if (unit != null && unit.sieve() != null) {
          units++;
          aSieved += unit.sieve().aCount();
          busy += answer.nanos();
          nanosPerA = Math.max(1, answer.nanos() / unit.sieve().aCount());
          aPerUnit =
              (int) Math.max(1, Math.min(MAX_A_PER_UNIT, SIEVE_UNIT_TARGET.toNanos() / nanosPerA));
        }
      }
      // the units answered are replaced before their relations are checked, so that no worker
      // waits for the checks
      while (!answered.isEmpty() && ledger.size() < unitsToKeepOut()) {
        issue(ledger, sieveUnit(split, sieve.nextUnit(aPerUnit)), lease);
      }
      for (UnitResultMessage answer : answered) {
        relationsByWorker.merge(answer.worker(), add(sieve, answer), Integer::sum);
      }
      listener.sieveRelations(bits, sieve.columns(), sieve.target());
      double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
      int workers = Math.max(1, relationsByWorker.size());
      int found = relationsByWorker.values().stream().mapToInt(Integer::intValue).sum();
      listener.sieveWorkers(bits, relationsByWorker.size(), found / seconds / workers);
      reissueExpired(ledger, lease);
    }
  }

  /**
   * Counts the relations of answers kept from an earlier run, and continues the sieve after them.
   */
  private void resume(SieveJob sieve, List<UnitResultMessage> before) {
    if (before.isEmpty()) {
      return;
    }
    int relations = 0;
    long lastFirstA = 0;
    for (UnitResultMessage answer : before) {
      relations += add(sieve, answer);
      lastFirstA = Math.max(lastFirstA, UnitIds.index(answer.unit()));
    }
    log.info(
        "number {} of job {}: resuming the sieve with {} relations ({} of {} columns) from {}"
            + " spooled answers, after A coefficient {}",
        number,
        job,
        relations,
        sieve.columns(),
        sieve.target(),
        before.size(),
        lastFirstA);
  }

  /**
   * Counts an answer's relations that hold and are new, and makes the sieve go on after the A
   * coefficient the answer's unit started at: an answer to a unit of an earlier run may be ahead of
   * this run's units. Returns how many relations it counted. A relation known before (its unit
   * answered twice, or handed out again after its lease) is dropped unchecked; a wrong one is
   * dropped with a warning.
   */
  private static int add(SieveJob sieve, UnitResultMessage answer) {
    sieve.continueFrom(UnitIds.index(answer.unit()) + 1);
    int added = 0;
    int known = 0;
    for (UnitResultMessage.Relation relation : answer.relations()) {
      Relation checked = relation(relation);
      if (checked != null && sieve.add(checked)) {
        added++;
      } else if (checked != null && sieve.knows(checked)) {
        known++;
      }
    }
    int wrong = answer.relations().size() - added - known;
    if (wrong > 0) {
      log.warn(
          "{} of {} relations of unit {} from worker {} were wrong; dropped",
          wrong,
          answer.relations().size(),
          answer.unit(),
          answer.worker());
    }
    if (known > 0) {
      log.debug(
          "{} of {} relations of unit {} from worker {} were known",
          known,
          answer.relations().size(),
          answer.unit(),
          answer.worker());
    }
    return added;
  }

  /** The answers kept from an earlier run to units of the {@code split}-th composite. */
  private List<UnitResultMessage> spooledOf(int split, boolean sieveUnits) {
    List<UnitResultMessage> of = new ArrayList<>();
    for (UnitResultMessage answer : kept) {
      if (answer.job().equals(job)
          && answer.number() == number
          && UnitIds.split(answer.unit()) == split
          && UnitIds.isSieve(answer.unit()) == sieveUnits) {
        below = Math.max(below, answer.unit() + 1);
        of.add(answer);
      }
    }
    return of;
  }

  private UnitMessage ecmUnit(BigInteger m, int split, int index, EcmUnit unit) {
    return UnitMessage.ecm(
        job,
        number,
        UnitIds.ecm(split, index),
        m.toString(),
        new UnitMessage.Ecm(unit.b1(), unit.b2(), unit.firstSigma(), unit.curves()));
  }

  private UnitMessage sieveUnit(int split, SieveUnit unit) {
    SiqsParameters p = unit.parameters();
    return UnitMessage.sieve(
        job,
        number,
        UnitIds.sieve(split, unit.firstA()),
        unit.n().toString(),
        new UnitMessage.Sieve(
            unit.multiplier(),
            p.factorBaseSize(),
            p.sieveHalfWidth(),
            p.largePrimeMultiplier(),
            p.smallPrimeLimit(),
            p.thresholdSlack(),
            p.extraRelations(),
            p.doubleLargePrimeBits(),
            unit.firstA(),
            unit.aCount()));
  }

  /**
   * The units kept out: twice what the workers take at once (at least one), so that each worker
   * thread finds its next unit waiting in the queue when it answers one, rather than waiting for
   * the answer to reach this coordinator and a new unit to come back. Units still queued when the
   * number is done are dropped by the workers unrun.
   */
  private int unitsToKeepOut() {
    return 2 * Math.max(1, unitsOut.getAsInt());
  }

  private static String since(long startedNanos) {
    return seconds(System.nanoTime() - startedNanos);
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
  }

  private void issue(UnitLedger ledger, UnitMessage unit, long lease)
      throws IOException, InterruptedException {
    sender.send(unit);
    below = Math.max(below, unit.unit() + 1);
    ledger.issued(unit, lease);
  }

  private void reissueExpired(UnitLedger ledger, long lease)
      throws IOException, InterruptedException {
    for (UnitMessage late : ledger.expired()) {
      log.info(
          "unit {} of number {} of job {} is late; handing it out again", late.unit(), number, job);
      issue(ledger, late, lease);
    }
  }

  /** Tells the workers that no unit handed out so far is wanted any more. */
  private void done() throws IOException {
    sender.unitsDone(job, number, below);
  }

  /** The answers that came, waiting a little for the first. */
  private List<UnitResultMessage> nextAnswers() throws InterruptedException {
    List<UnitResultMessage> got = new ArrayList<>();
    UnitResultMessage first = answers.poll(POLL_NANOS, TimeUnit.NANOSECONDS);
    if (first != null) {
      got.add(first);
      answers.drainTo(got);
    }
    return got;
  }

  private static BigInteger properFactor(BigInteger m, String text) {
    if (text == null) {
      return null;
    }
    try {
      BigInteger factor = new BigInteger(text);
      boolean proper =
          factor.compareTo(BigInteger.ONE) > 0
              && factor.compareTo(m) < 0
              && m.mod(factor).signum() == 0;
      return proper ? factor : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** An engine relation from the wire, or null when it does not make one. */
  private static Relation relation(UnitResultMessage.Relation wire) {
    try {
      return new Relation(
          new BigInteger(wire.y()),
          wire.negative(),
          wire.primes(),
          wire.largePrime(),
          wire.secondLargePrime());
    } catch (IllegalArgumentException e) { // NumberFormatException too
      return null;
    }
  }

  /**
   * Gives up on the number when a worker refused one of its units (a number longer than the
   * workers' --max-digits, parameters beyond their limits): the units still out are dropped, and
   * handing out more would only have them refused again until the budget ran out.
   */
  private void stopIfRefused(UnitResultMessage answer) throws IOException {
    if (answer.error() != null) {
      done();
      throw new UnitRefusedException(
          "worker " + answer.worker() + " refused a unit of it: " + answer.error());
    }
  }
}
