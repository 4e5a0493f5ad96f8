package io.factorfleet.engine.siqs.sqrt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.factorfleet.engine.siqs.Relation;
import io.factorfleet.engine.siqs.relations.RelationSet.Column;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class SquareRootTest {

  // 41^2 - 1649 = 32 = 2^5 and 43^2 - 1649 = 200 = 2^3 5^2: together 2^8 5^2, a square
  private static final BigInteger N = BigInteger.valueOf(1649);
  private static final Relation Y41 = relation(41, 2, 2, 2, 2, 2);
  private static final Relation Y43 = relation(43, 2, 2, 2, 5, 5);

  @Test
  void shouldSplitNWithADependencyWhoseProductIsASquare() {
    List<Column> columns = List.of(new Column(List.of(Y41)), new Column(List.of(Y43)));

    BigInteger factor = SquareRoot.factorFrom(N, columns, new int[] {0, 1});

    assertThat(factor).isIn(BigInteger.valueOf(17), BigInteger.valueOf(97));
  }

  @Test
  void shouldTakeBothRelationsOfACombinedPartialColumn() {
    List<Column> columns = List.of(new Column(List.of(Y41, Y43)));

    assertThat(SquareRoot.factorFrom(N, columns, new int[] {0}))
        .isIn(BigInteger.valueOf(17), BigInteger.valueOf(97));
  }

  @Test
  void shouldGiveNullWhenTheSquaresAreCongruentTrivially() {
    // X = Y: 41^2 * 41^2 against (2^5)^2, the dependency of a relation with itself
    List<Column> columns = List.of(new Column(List.of(Y41)), new Column(List.of(Y41)));

    assertThat(SquareRoot.factorFrom(N, columns, new int[] {0, 1})).isNull();
  }

  @Test
  void shouldRejectADependencyWhoseProductIsNotASquare() {
    List<Column> columns = List.of(new Column(List.of(Y41)), new Column(List.of(Y43)));

    assertThatThrownBy(() -> SquareRoot.factorFrom(N, columns, new int[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("odd power");
  }

  private static Relation relation(int y, int... primes) {
    return new Relation(BigInteger.valueOf(y), false, primes, 1);
  }
}
