package io.factorfleet.engine.siqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RelationSieveTest {

  @ParameterizedTest
  @ValueSource(ints = {30, 40, 50, 60, 70})
  void shouldFindRelationsThatHoldEachOnItsOwn(int digits) {
    SieveUnit unit = unitFor(digits, 0, 2);

    List<Relation> relations = unit.run();

    assertThat(relations).isNotEmpty();
    FactorBase factorBase = FactorBase.of(unit.kN(), unit.parameters().factorBaseSize());
    long bound = (long) factorBase.largestPrime() * unit.parameters().largePrimeMultiplier();
    for (Relation relation : relations) {
      assertThat(relation.holdsFor(unit.kN())).as("%s", relation).isTrue();
      for (int k = 0; k < relation.primeCount(); k++) {
        assertThat(factorBase.indexOf(relation.prime(k))).isNotNegative();
      }
      assertThat(relation.largePrime()).isLessThan(bound);
      assertThat(
              BigInteger.valueOf(relation.largePrime()).isProbablePrime(30)
                  || relation.largePrime() == 1)
          .isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {40, 60})
  void shouldFindTheSameRelationsWhenAUnitRunsAgain(int digits) {
    assertThat(unitFor(digits, 5, 1).run()).isEqualTo(unitFor(digits, 5, 1).run());
  }

  @ParameterizedTest
  @ValueSource(ints = {40})
  void shouldFindInARangeTheRelationsOfItsPartsTogether(int digits) {
    List<Relation> whole = unitFor(digits, 10, 2).run();
    List<Relation> first = unitFor(digits, 10, 1).run();
    List<Relation> second = unitFor(digits, 11, 1).run();

    assertThat(whole).hasSize(first.size() + second.size()).containsAll(first).containsAll(second);
  }

  private static SieveUnit unitFor(int digits, long firstA, int aCount) {
    BigInteger n = SemiprimeNumbers.seeded(digits).aSemiprimeOfDigits(digits);
    int k = Multiplier.choose(n);
    SiqsParameters parameters =
        SiqsParameters.forBits(n.multiply(BigInteger.valueOf(k)).bitLength());
    return new SieveUnit(n, k, parameters, firstA, aCount);
  }
}
