package io.factorfleet.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.factorfleet.engine.CompositeSplitter;
import io.factorfleet.engine.EcmUnit;
import io.factorfleet.engine.FactorMethod;
import io.factorfleet.engine.FactoringListener;
import io.factorfleet.engine.siqs.Relation;
import io.factorfleet.engine.siqs.SieveUnit;
import io.factorfleet.engine.siqs.SiqsParameters;
import io.factorfleet.wire.UnitMessage;
import io.factorfleet.wire.UnitResultMessage;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FleetSplitterTest {

  /** 137872662677769551137 * 122679088345152035681: 41 digits, two 21-digit primes. */
  private static final BigInteger SEMIPRIME =
      new BigInteger("16914092565027436595648516175533178119297");

  private static final int WORKER_THREADS = 2;

  private final ExecutorService fleet = Executors.newFixedThreadPool(WORKER_THREADS);

  @AfterEach
  void stopTheFleet() throws InterruptedException {
    fleet.shutdownNow();
    fleet.awaitTermination(10, TimeUnit.SECONDS);
  }

  @Test
  void shouldFactorASemiprimeFromTheRelationsOfItsSieveUnits() {
    FakeFleet fake = new FakeFleet(UnaryOperator.identity(), 1);

    CompositeSplitter.Part part = fake.split(SEMIPRIME);

    assertThat(part).isNotNull();
    assertThat(part.method()).isEqualTo(FactorMethod.SIQS);
    assertThat(SEMIPRIME.mod(part.factor())).isZero();
    assertThat(part.factor())
        .isIn(
            new BigInteger("137872662677769551137"),
            SEMIPRIME.divide(new BigInteger("137872662677769551137")));
    assertThat(fake.sieveUnits.get()).isPositive();
  }

  @Test
  void shouldKeepNoMoreThanTwiceWhatTheWorkersTakeOut() {
    FakeFleet fake = new FakeFleet(UnaryOperator.identity(), 1);

    fake.split(SEMIPRIME);

    assertThat(fake.mostOut.get()).isPositive().isLessThanOrEqualTo(2 * WORKER_THREADS);
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
    FakeFleet fake = new FakeFleet(everyThirdWrong, 1);

    CompositeSplitter.Part part = fake.split(SEMIPRIME);

    assertThat(part).isNotNull();
    assertThat(SEMIPRIME.mod(part.factor())).isZero();
    assertThat(part.factor()).isNotIn(BigInteger.ONE, SEMIPRIME);
  }

  @Test
  void shouldCountTheRelationsOfAUnitAnsweredTwiceOnce() {
    FakeFleet fake = new FakeFleet(UnaryOperator.identity(), 2);

    CompositeSplitter.Part part = fake.split(SEMIPRIME);

    // counted twice, the matrix would hold each column twice and its dependencies give no factor
    assertThat(part).isNotNull();
    assertThat(part.factor()).isNotIn(BigInteger.ONE, SEMIPRIME);
    assertThat(SEMIPRIME.mod(part.factor())).isZero();
  }

  @Test
  void shouldTellTheWorkersEveryUnitHandedOutIsDoneOnceItHasTheFactor() {
    FakeFleet fake = new FakeFleet(UnaryOperator.identity(), 1);

    fake.split(SEMIPRIME);

    assertThat(fake.doneBelow).isNotEmpty();
    assertThat(fake.doneBelow.get(fake.doneBelow.size() - 1)).isEqualTo(fake.handedOut.get());
  }

  /**
   * Runs each unit handed out on a thread of {@link #fleet}, as a worker would, and answers it
   * {@code answers} times, its relations passed through {@code tamper}.
   */
  private final class FakeFleet implements UnitSender {
    private final UnaryOperator<UnitResultMessage.Relation> tamper;
    private final int answers;
    private final AtomicInteger out = new AtomicInteger();
    final AtomicInteger mostOut = new AtomicInteger();
    final AtomicInteger handedOut = new AtomicInteger();
    final AtomicInteger sieveUnits = new AtomicInteger();
    final List<Long> doneBelow = new ArrayList<>();
    private FleetSplitter splitter;

    FakeFleet(UnaryOperator<UnitResultMessage.Relation> tamper, int answers) {
      this.tamper = tamper;
      this.answers = answers;
    }

    CompositeSplitter.Part split(BigInteger n) {
      splitter = new FleetSplitter("job", 7, this, () -> WORKER_THREADS, Duration.ZERO);
      assertThat(splitter.takes(n)).isTrue();
      return splitter.split(n, () -> false, FactoringListener.NONE);
    }

    @Override
    public void send(UnitMessage unit) {
      handedOut.incrementAndGet();
      mostOut.accumulateAndGet(out.incrementAndGet(), Math::max);
      fleet.execute(() -> run(unit));
    }

    @Override
    public synchronized void unitsDone(String job, long number, long below) {
      assertThat(job).isEqualTo("job");
      assertThat(number).isEqualTo(7);
      doneBelow.add(below);
    }

    private void run(UnitMessage unit) {
      long started = System.nanoTime();
      BigInteger n = new BigInteger(unit.n());
      String factor = null;
      List<UnitResultMessage.Relation> relations = new ArrayList<>();
      if (unit.ecm() != null) {
        UnitMessage.Ecm ecm = unit.ecm();
        BigInteger found =
            new EcmUnit(n, ecm.b1(), ecm.b2(), ecm.firstSigma(), ecm.curves()).run(() -> false);
        factor = found == null ? null : found.toString();
      } else {
        sieveUnits.incrementAndGet();
        UnitMessage.Sieve s = unit.sieve();
        SiqsParameters parameters =
            new SiqsParameters(
                s.factorBaseSize(),
                s.sieveHalfWidth(),
                s.largePrimeMultiplier(),
                s.smallPrimeLimit(),
                s.thresholdSlack(),
                s.extraRelations(),
                s.doubleLargePrimeBits());
        for (Relation r :
            new SieveUnit(n, s.multiplier(), parameters, s.firstA(), s.aCount()).run()) {
          relations.add(
              tamper.apply(
                  new UnitResultMessage.Relation(
                      r.y().toString(),
                      r.negative(),
                      r.largePrime(),
                      r.secondLargePrime(),
                      r.primes())));
        }
      }
      out.decrementAndGet();
      for (int i = 0; i < answers; i++) {
        splitter.accept(
            UnitResultMessage.found(
                unit.job(),
                unit.number(),
                unit.unit(),
                "worker-" + Thread.currentThread().getName(),
                System.nanoTime() - started,
                factor,
                relations));
      }
    }
  }
}
