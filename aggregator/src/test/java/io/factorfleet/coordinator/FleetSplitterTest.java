package io.factorfleet.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.factorfleet.engine.CompositeSplitter;
import io.factorfleet.engine.EcmUnit;
import io.factorfleet.engine.FactoringListener;
import io.factorfleet.engine.siqs.FactorBase;
import io.factorfleet.engine.siqs.Relation;
import io.factorfleet.engine.siqs.RelationSieve;
import io.factorfleet.engine.siqs.SieveJob;
import io.factorfleet.engine.siqs.SieveUnit;
import io.factorfleet.engine.siqs.SiqsParameters;
import io.factorfleet.wire.UnitMessage;
import io.factorfleet.wire.UnitResultMessage;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A number's units over a fleet that answers at once, afresh and taken up again, and over a fleet
 * of worker threads that answer as they finish, some of them wrongly or twice.
 */
class FleetSplitterTest {
  private static final String JOB = "job";
  private static final long NUMBER = 3;
  private static final BigInteger P = BigInteger.probablePrime(68, new Random(65));
  private static final BigInteger Q = BigInteger.probablePrime(70, new Random(66));
  private static final BigInteger N = P.multiply(Q);
  private static final int WORKER_THREADS = 2;

  private final ExecutorService workers = Executors.newFixedThreadPool(WORKER_THREADS);

  @AfterEach
  void stopTheWorkers() throws InterruptedException {
    workers.shutdownNow();
    workers.awaitTermination(10, TimeUnit.SECONDS);
  }

  @Test
  void shouldFactorANumberWhoseUnitsAreAnsweredAtOnce() {
    InstantFleet fleet = new InstantFleet();

    CompositeSplitter.Part part = fleet.split(List.of());

    assertThat(part.factor()).isIn(P, Q);
    assertThat(fleet.sieveUnits()).first().extracting(UnitMessage.Sieve::firstA).isEqualTo(0L);
    assertThat(fleet.ecmUnits()).hasSize(EcmUnit.pretest(N, FleetSplitter.CURVES_PER_UNIT).size());
  }

  @Test
  void shouldNotHandOutAgainWhatTheKeptAnswersDidAndGoOnAfterTheirLastA() {
    List<UnitResultMessage> kept = new ArrayList<>();
    kept.add(anEcmAnswer(0));
    SieveJob before = new SieveJob(N);
    for (int i = 0; i < 3; i++) {
      kept.add(aSieveAnswer(before.nextUnit(1)));
    }
    InstantFleet fleet = new InstantFleet();

    CompositeSplitter.Part part = fleet.split(kept);

    assertThat(part.factor()).isIn(P, Q);
    assertThat(fleet.issued).extracting(UnitMessage::unit).doesNotContain(UnitIds.ecm(0, 0));
    assertThat(fleet.ecmUnits())
        .hasSize(EcmUnit.pretest(N, FleetSplitter.CURVES_PER_UNIT).size() - 1);
    assertThat(fleet.sieveUnits()).first().extracting(UnitMessage.Sieve::firstA).isEqualTo(3L);
    assertThat(fleet.sieveUnits()).extracting(UnitMessage.Sieve::firstA).doesNotContain(0L, 1L, 2L);
  }

  @Test
  void shouldCountOnlyTheRelationsOfKeptAnswersThatHold() {
    SieveJob before = new SieveJob(N);
    UnitResultMessage good = aSieveAnswer(before.nextUnit(1));
    UnitResultMessage.Relation forged =
        new UnitResultMessage.Relation("12345", false, 1, 1, new int[] {2, 3});
    UnitResultMessage bad =
        UnitResultMessage.found(
            JOB, NUMBER, UnitIds.sieve(0, 1), "w1", 1, null, List.of(forged, forged));
    InstantFleet fleet = new InstantFleet();

    CompositeSplitter.Part part = fleet.split(List.of(good, bad));

    assertThat(part.factor()).isIn(P, Q);
    assertThat(fleet.sieveUnits()).first().extracting(UnitMessage.Sieve::firstA).isEqualTo(2L);
  }

  @Test
  void shouldKeepNoMoreThanTwiceWhatTheWorkersTakeOut() {
    ThreadedFleet fleet = new ThreadedFleet(UnaryOperator.identity(), 1);

    CompositeSplitter.Part part = fleet.split();

    assertThat(part.factor()).isIn(P, Q);
    assertThat(fleet.mostOut.get()).isPositive().isLessThanOrEqualTo(2 * WORKER_THREADS);
  }

  @Test
  void shouldDropWrongRelationsAndStillFindTheFactor() {
    AtomicInteger seen = new AtomicInteger();
    UnaryOperator<UnitResultMessage.Relation> everyThirdWrong =
        r ->
            seen.incrementAndGet() % 3 == 0
                ? new UnitResultMessage.Relation(
                    new BigInteger(r.y()).add(BigInteger.TWO).toString(),
                    r.negative(),
                    r.largePrime(),
                    r.secondLargePrime(),
                    r.primes())
                : r;
    ThreadedFleet fleet = new ThreadedFleet(everyThirdWrong, 1);

    CompositeSplitter.Part part = fleet.split();

    assertThat(part.factor()).isIn(P, Q);
  }

  @Test
  void shouldCountTheRelationsOfAUnitAnsweredTwiceOnce() {
    ThreadedFleet fleet = new ThreadedFleet(UnaryOperator.identity(), 2);

    CompositeSplitter.Part part = fleet.split();

    // counted twice, the matrix would hold each column twice and its dependencies give no factor
    assertThat(part.factor()).isIn(P, Q);
  }

  @Test
  void shouldTellTheWorkersEveryUnitHandedOutIsDoneOnceItHasTheFactor() {
    ThreadedFleet fleet = new ThreadedFleet(UnaryOperator.identity(), 1);

    fleet.split();

    assertThat(fleet.doneBelow).isNotEmpty();
    assertThat(fleet.doneBelow.get(fleet.doneBelow.size() - 1))
        .isEqualTo(fleet.highestId.get() + 1);
  }

  @Test
  void shouldGiveUpWithTheWorkersReasonWhenAUnitIsRefused() {
    RefusingFleet fleet = new RefusingFleet("the number has more than 60 digits");
    FleetSplitter splitter =
        new FleetSplitter(
            JOB, NUMBER, fleet, () -> 1, Duration.ZERO, (job, number) -> List.of(), () -> false);
    fleet.answerTo(splitter::accept);

    assertThatThrownBy(() -> splitter.split(N, () -> false, FactoringListener.NONE))
        .isInstanceOf(UnitRefusedException.class)
        .hasMessageContaining("worker w1 refused a unit")
        .hasMessageContaining("more than 60 digits");
    assertThat(fleet.done()).isNotEmpty();
  }

  private static UnitResultMessage anEcmAnswer(int index) {
    return UnitResultMessage.found(JOB, NUMBER, UnitIds.ecm(0, index), "w1", 1, null, List.of());
  }

  private static UnitResultMessage aSieveAnswer(SieveUnit unit) {
    return UnitResultMessage.found(
        JOB, NUMBER, UnitIds.sieve(0, unit.firstA()), "w1", 1, null, wire(unit.run()));
  }

  private static SieveUnit sieveUnit(UnitMessage.Sieve s) {
    SiqsParameters parameters =
        new SiqsParameters(
            s.factorBaseSize(),
            s.sieveHalfWidth(),
            s.largePrimeMultiplier(),
            s.smallPrimeLimit(),
            s.thresholdSlack(),
            s.extraRelations(),
            s.doubleLargePrimeBits());
    return new SieveUnit(N, s.multiplier(), parameters, s.firstA(), s.aCount());
  }

  private static List<UnitResultMessage.Relation> wire(List<Relation> relations) {
    return relations.stream()
        .map(
            r ->
                new UnitResultMessage.Relation(
                    r.y().toString(),
                    r.negative(),
                    r.largePrime(),
                    r.secondLargePrime(),
                    r.primes()))
        .toList();
  }

  /**
   * A fleet whose workers answer each unit as it is handed out: ECM units without a factor (the
   * pretest of this number finds none), sieve units with the relations they find.
   */
  private static final class InstantFleet implements UnitSender {
    final List<UnitMessage> issued = new ArrayList<>();
    private FleetSplitter splitter;

    CompositeSplitter.Part split(List<UnitResultMessage> kept) {
      splitter =
          new FleetSplitter(
              JOB, NUMBER, this, () -> 1, Duration.ZERO, (job, number) -> kept, () -> false);
      return splitter.split(N, () -> false, FactoringListener.NONE);
    }

    List<UnitMessage.Ecm> ecmUnits() {
      return issued.stream().map(UnitMessage::ecm).filter(e -> e != null).toList();
    }

    List<UnitMessage.Sieve> sieveUnits() {
      return issued.stream().map(UnitMessage::sieve).filter(s -> s != null).toList();
    }

    @Override
    public void send(UnitMessage unit) {
      issued.add(unit);
      long started = System.nanoTime();
      List<UnitResultMessage.Relation> relations = List.of();
      if (unit.sieve() != null) {
        SieveUnit sieve = sieveUnit(unit.sieve());
        relations =
            wire(
                sieve.run(
                    new RelationSieve(
                        FactorBase.of(sieve.kN(), sieve.parameters().factorBaseSize()),
                        sieve.parameters())));
      }
      splitter.accept(
          UnitResultMessage.found(
              JOB, NUMBER, unit.unit(), "w1", System.nanoTime() - started, null, relations));
    }

    @Override
    public void unitsDone(String job, long number, long below) {}
  }

  /**
   * A fleet of {@link #WORKER_THREADS} worker threads: each unit handed out runs on one of them, as
   * a worker would run it, and is answered {@code answers} times, its relations passed through
   * {@code tamper}.
   */
  private final class ThreadedFleet implements UnitSender {
    private final UnaryOperator<UnitResultMessage.Relation> tamper;
    private final int answers;
    private final AtomicInteger out = new AtomicInteger();
    final AtomicInteger mostOut = new AtomicInteger();
    final AtomicLong highestId = new AtomicLong(-1);
    final List<Long> doneBelow = new ArrayList<>();
    private FleetSplitter splitter;

    ThreadedFleet(UnaryOperator<UnitResultMessage.Relation> tamper, int answers) {
      this.tamper = tamper;
      this.answers = answers;
    }

    CompositeSplitter.Part split() {
      splitter =
          new FleetSplitter(
              JOB,
              NUMBER,
              this,
              () -> WORKER_THREADS,
              Duration.ZERO,
              (job, number) -> List.of(),
              () -> false);
      return splitter.split(N, () -> false, FactoringListener.NONE);
    }

    @Override
    public void send(UnitMessage unit) {
      highestId.accumulateAndGet(unit.unit(), Math::max);
      mostOut.accumulateAndGet(out.incrementAndGet(), Math::max);
      workers.execute(() -> run(unit));
    }

    @Override
    public synchronized void unitsDone(String job, long number, long below) {
      assertThat(job).isEqualTo(JOB);
      assertThat(number).isEqualTo(NUMBER);
      doneBelow.add(below);
    }

    private void run(UnitMessage unit) {
      long started = System.nanoTime();
      String factor = null;
      List<UnitResultMessage.Relation> relations = List.of();
      if (unit.ecm() != null) {
        UnitMessage.Ecm ecm = unit.ecm();
        BigInteger found =
            new EcmUnit(N, ecm.b1(), ecm.b2(), ecm.firstSigma(), ecm.curves()).run(() -> false);
        factor = found == null ? null : found.toString();
      } else {
        relations = wire(sieveUnit(unit.sieve()).run()).stream().map(tamper).toList();
      }
      out.decrementAndGet();
      for (int i = 0; i < answers; i++) {
        splitter.accept(
            UnitResultMessage.found(
                JOB, NUMBER, unit.unit(), "w1", System.nanoTime() - started, factor, relations));
      }
    }
  }
}
