package io.factorfleet.engine.siqs.matrix;

import static io.factorfleet.engine.siqs.matrix.QsLikeMatrix.aQsLikeMatrix;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NullSpaceSolverTest {

  static Stream<NullSpaceSolver> solvers() {
    return Stream.of(new StructuredGaussianElimination(), new BlockLanczos());
  }

  @ParameterizedTest
  @MethodSource("solvers")
  void findsDependenciesWhoseColumnsSumToZero(NullSpaceSolver solver) {
    for (long seed = 1; seed <= 3; seed++) {
      QsLikeMatrix matrix = aQsLikeMatrix(1000).withSeed(seed);
      int[][] columns = matrix.columns();

      List<int[]> dependencies = solver.dependencies(matrix.rows(), columns, 32);

      assertThat(dependencies).isNotEmpty();
      for (int[] dependency : dependencies) {
        assertSumsToZero(matrix.rows(), columns, dependency);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("solvers")
  void returnsNonemptyDistinctSortedDependenciesWithinRange(NullSpaceSolver solver) {
    QsLikeMatrix matrix = aQsLikeMatrix(2000).withSurplus(64);
    int[][] columns = matrix.columns();

    List<int[]> dependencies = solver.dependencies(matrix.rows(), columns, 40);

    Set<List<Integer>> distinct = new HashSet<>();
    for (int[] dependency : dependencies) {
      assertThat(dependency).isNotEmpty().isSorted().doesNotHaveDuplicates();
      assertThat(dependency[0]).isGreaterThanOrEqualTo(0);
      assertThat(dependency[dependency.length - 1]).isLessThan(columns.length);
      distinct.add(Arrays.stream(dependency).boxed().toList());
    }
    assertThat(distinct).hasSameSizeAs(dependencies);
  }

  @ParameterizedTest
  @MethodSource("solvers")
  void findsAsManyDependenciesAsTheRankAllowsUpToTheLimit(NullSpaceSolver solver) {
    for (int rows : new int[] {50, 300, 800}) {
      QsLikeMatrix matrix = aQsLikeMatrix(rows).withSurplus(40).withSeed(rows);
      int[][] columns = matrix.columns();
      int nullity = columns.length - Gf2Rank.of(columns);

      List<int[]> dependencies = solver.dependencies(matrix.rows(), columns, 24);

      assertThat(dependencies).hasSize(Math.min(24, nullity));
      assertThat(rankOfDependencies(dependencies)).isEqualTo(dependencies.size());
    }
  }

  @ParameterizedTest
  @MethodSource("solvers")
  void findsNoDependencyInAFullRankSquareMatrix(NullSpaceSolver solver) {
    int size = 700;
    int[][] identity = new int[size][];
    int[][] bidiagonal = new int[size][];
    for (int c = 0; c < size; c++) {
      identity[c] = new int[] {c};
      bidiagonal[c] = c + 1 < size ? new int[] {c, c + 1} : new int[] {c};
    }

    assertThat(solver.dependencies(size, identity, 10)).isEmpty();
    assertThat(solver.dependencies(size, bidiagonal, 10)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("solvers")
  void givesTheSameDependenciesForTheSameInput(NullSpaceSolver solver) {
    QsLikeMatrix matrix = aQsLikeMatrix(1500).withSeed(7);

    List<int[]> first = solver.dependencies(matrix.rows(), matrix.columns(), 20);
    List<int[]> second = solver.dependencies(matrix.rows(), matrix.columns(), 20);

    assertThat(second).containsExactlyElementsOf(first);
  }

  @ParameterizedTest
  @MethodSource("solvers")
  void leavesItsInputUntouched(NullSpaceSolver solver) {
    QsLikeMatrix matrix = aQsLikeMatrix(1000).withSeed(3);
    int[][] columns = matrix.columns();
    int[][] copy = QsLikeMatrix.copyOf(columns);

    solver.dependencies(matrix.rows(), columns, 16);

    assertThat(columns).isDeepEqualTo(copy);
  }

  @ParameterizedTest
  @MethodSource("solvers")
  void leavesOutColumnsHoldingARowNoOtherColumnHas(NullSpaceSolver solver) {
    QsLikeMatrix matrix = aQsLikeMatrix(400).withSeed(11);
    int[][] columns = matrix.columns();
    int[][] withSingletons = Arrays.copyOf(columns, columns.length + 2);
    int rows = matrix.rows() + 2;
    withSingletons[columns.length] = append(columns[0], matrix.rows());
    withSingletons[columns.length + 1] = append(columns[1], matrix.rows() + 1);

    List<int[]> dependencies = solver.dependencies(rows, withSingletons, 30);

    assertThat(dependencies).isNotEmpty();
    for (int[] dependency : dependencies) {
      assertThat(dependency).doesNotContain(columns.length, columns.length + 1);
      assertSumsToZero(rows, withSingletons, dependency);
    }
  }

  @ParameterizedTest
  @MethodSource("solvers")
  void returnsEmptyForAnEmptyMatrixOrNoDependencyWanted(NullSpaceSolver solver) {
    assertThat(solver.dependencies(0, new int[0][], 10)).isEmpty();
    assertThat(solver.dependencies(10, new int[][] {{1}, {1}}, 0)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("solvers")
  void findsRepeatedAndEmptyColumns(NullSpaceSolver solver) {
    int[][] columns = {{0, 2}, {1}, {}, {0, 2}, {1, 2}};

    List<int[]> dependencies = solver.dependencies(3, columns, 10);

    assertThat(dependencies).hasSize(2);
    assertThat(rankOfDependencies(dependencies)).isEqualTo(2);
    for (int[] dependency : dependencies) {
      assertSumsToZero(3, columns, dependency);
    }
  }

  private static int[] append(int[] column, int row) {
    int[] longer = Arrays.copyOf(column, column.length + 1);
    longer[column.length] = row;
    return longer;
  }

  private static int rankOfDependencies(List<int[]> dependencies) {
    return Gf2Rank.of(dependencies.toArray(int[][]::new));
  }

  private static void assertSumsToZero(int rows, int[][] columns, int[] dependency) {
    BitSet sum = new BitSet(rows);
    for (int c : dependency) {
      for (int row : columns[c]) {
        sum.flip(row);
      }
    }
    assertThat(sum.isEmpty()).as("sum of columns %s", Arrays.toString(dependency)).isTrue();
  }
}
