package io.factorfleet.engine.siqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class SieveJobTest {

  @Test
  void shouldHandOutEachACoefficientOnce() {
    SieveJob job = new SieveJob(SemiprimeNumbers.seeded(1).aSemiprimeOfDigits(40));

    SieveUnit first = job.nextUnit(3);
    SieveUnit second = job.nextUnit(2);

    assertThat(first.firstA()).isZero();
    assertThat(first.aCount()).isEqualTo(3);
    assertThat(second.firstA()).isEqualTo(3);
    assertThat(second.multiplier()).isEqualTo(job.multiplier());
    assertThat(second.parameters()).isEqualTo(job.parameters());
  }

  @Test
  void shouldContinueAfterTheACoefficientsSievedBeforeAndNeverGoBack() {
    SieveJob job = new SieveJob(SemiprimeNumbers.seeded(1).aSemiprimeOfDigits(40));

    job.continueFrom(120);
    SieveUnit resumed = job.nextUnit(4);
    job.continueFrom(10);
    SieveUnit next = job.nextUnit(1);

    assertThat(resumed.firstA()).isEqualTo(120);
    assertThat(next.firstA()).isEqualTo(124);
  }

  @Test
  void shouldCountARelationOnceHoweverOftenItsUnitRuns() {
    SieveJob job = new SieveJob(SemiprimeNumbers.seeded(2).aSemiprimeOfDigits(40));
    SieveUnit unit = job.nextUnit(2);

    long counted = unit.run().stream().filter(job::add).count();
    long countedAgain = unit.run().stream().filter(job::add).count();

    assertThat(counted).isPositive();
    assertThat(countedAgain).isZero();
  }

  @Test
  void shouldRefuseRelationsOfAnotherNumber() {
    SieveJob job = new SieveJob(SemiprimeNumbers.seeded(3).aSemiprimeOfDigits(40));
    SieveJob other = new SieveJob(SemiprimeNumbers.seeded(4).aSemiprimeOfDigits(40));

    List<Relation> foreign = other.nextUnit(1).run();

    assertThat(foreign).isNotEmpty().noneMatch(job::add);
    assertThat(job.columns()).isZero();
  }

  @Test
  void shouldSplitTheNumberFromUnitsRunApartAndOutOfOrder() {
    BigInteger n = SemiprimeNumbers.seeded(5).aSemiprimeOfDigits(45);
    SieveJob job = new SieveJob(n);
    SieveUnit early = job.nextUnit(4);
    BigInteger factor = null;
    while (factor == null) {
      while (!job.hasEnoughRelations()) {
        // each unit on a sieve of its own, as on another machine; the first one after the second
        job.nextUnit(4).run().forEach(job::add);
        if (early != null) {
          early.run().forEach(job::add);
          early = null;
        }
      }
      factor = job.solve(SiqsListener.NONE);
    }

    assertThat(factor).isGreaterThan(BigInteger.ONE).isLessThan(n);
    assertThat(n.mod(factor)).isZero();
  }
}
