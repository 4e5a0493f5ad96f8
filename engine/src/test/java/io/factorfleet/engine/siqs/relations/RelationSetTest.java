package io.factorfleet.engine.siqs.relations;

import static org.assertj.core.api.Assertions.assertThat;

import io.factorfleet.engine.siqs.FactorBase;
import io.factorfleet.engine.siqs.Relation;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class RelationSetTest {

  // kN = 1649 = 17 * 97; squares mod 1649 found by hand:
  // 41^2 - kN = 32 = 2^5, 43^2 - kN = 200 = 2^3 5^2, 42^2 - kN = 115 = 5 * 23,
  // 57^2 - kN = 1600 = 2^6 5^2, 46^2 - kN = 467 (a large prime), 78^2 - kN = 4435 = 5 * 887
  private static final BigInteger KN = BigInteger.valueOf(1649);
  private final FactorBase factorBase = FactorBase.of(KN, 6);

  @Test
  void shouldMakeAColumnOfEachFullRelationAndDropDuplicates() {
    RelationSet relations = new RelationSet(factorBase);

    assertThat(relations.add(full(41, 2, 2, 2, 2, 2))).isTrue();
    assertThat(relations.add(full(41, 2, 2, 2, 2, 2))).isFalse();
    assertThat(relations.add(full(-41, 2, 2, 2, 2, 2))).isFalse();
    assertThat(relations.add(full(43, 2, 2, 2, 5, 5))).isTrue();

    assertThat(relations.columnCount()).isEqualTo(2);
  }

  @Test
  void shouldDropRelationsThatDoNotHold() {
    RelationSet relations = new RelationSet(factorBase);

    assertThat(relations.add(full(43, 2, 2, 5, 5))).isFalse();

    assertThat(relations.columnCount()).isZero();
  }

  @Test
  void shouldTakeTheRightRelationOfAYAfterAWrongOne() {
    RelationSet relations = new RelationSet(factorBase);

    assertThat(relations.add(full(43, 2, 2, 5, 5))).isFalse();
    assertThat(relations.add(full(43, 2, 2, 2, 5, 5))).isTrue();

    assertThat(relations.columnCount()).isEqualTo(1);
  }

  @Test
  void shouldPairPartialRelationsWithTheSameLargePrime() {
    RelationSet relations = new RelationSet(factorBase);
    int large = 887;
    // 78^2 - kN = 5 * 887, and 887 divides y^2 - kN again at y = 887 - 78: 2^5 23 887
    relations.add(new Relation(BigInteger.valueOf(78), false, new int[] {5}, large));
    assertThat(relations.columnCount()).isZero();

    relations.add(
        new Relation(BigInteger.valueOf(809), false, new int[] {2, 2, 2, 2, 2, 23}, large));

    assertThat(relations.partialCount()).isEqualTo(2);
    assertThat(relations.columnCount()).isEqualTo(1);
    assertThat(relations.columns().get(0).relations()).hasSize(2);
  }

  @Test
  void shouldPutEachPrimeWithAnOddExponentInTheMatrixAndTheSignInRowZero() {
    RelationSet relations = new RelationSet(factorBase);
    relations.add(full(41, 2, 2, 2, 2, 2));
    relations.add(full(57, 2, 2, 2, 2, 2, 2, 5, 5));
    // 40^2 - kN = -49 = -(7^2)
    relations.add(new Relation(BigInteger.valueOf(40), true, new int[] {7, 7}, 1));

    int[][] matrix = relations.matrixColumns();

    int rowOfTwo = 1 + factorBase.indexOf(2);
    assertThat(matrix[0]).containsExactly(rowOfTwo);
    assertThat(matrix[1]).isEmpty();
    assertThat(matrix[2]).containsExactly(0);
    assertThat(relations.rowCount()).isEqualTo(factorBase.size() + 1);
  }

  private static Relation full(int y, int... primes) {
    return new Relation(BigInteger.valueOf(y), false, primes, 1);
  }
}
