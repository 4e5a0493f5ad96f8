package io.factorfleet.engine.siqs.matrix;

import static io.factorfleet.engine.siqs.matrix.QsLikeMatrix.aQsLikeMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.BitSet;
import org.junit.jupiter.api.Test;

class MatrixFilterTest {

  // no sum of columns has fewer than zero ones, so no merge is made
  private static final int NO_MERGE = -1;

  @Test
  void removesColumnsHoldingSingletonRowsUntilNoneIsLeft() {
    // row 3 is only in column 2; once column 2 is gone, row 2 is only in column 1, and so on
    int[][] columns = {{0, 1}, {1, 2}, {2, 3}, {0, 1}};

    FilteredMatrix filtered = MatrixFilter.filter(4, columns, 10, NO_MERGE);

    assertThat(filtered.origins()).isDeepEqualTo(new int[][] {{0}, {3}});
    assertThat(filtered.rows()).isEqualTo(2);
    assertThat(filtered.columns()).isDeepEqualTo(new int[][] {{0, 1}, {0, 1}});
  }

  @Test
  void mergesTheTwoColumnsOfARowHeldByTwoAndRemembersTheirOrigins() {
    // row 2 is in columns 1 and 3 only; their sum is {0, 1}, which equals column 0
    int[][] columns = {{0, 1}, {0, 2}, {0, 1, 3}, {1, 2}, {0, 1, 3}};

    FilteredMatrix filtered = MatrixFilter.filter(4, columns, 10, Integer.MAX_VALUE);

    for (int c = 0; c < filtered.columnCount(); c++) {
      assertThat(sumOf(columns, filtered.origins()[c]))
          .as("column %d made of %s", c, Arrays.toString(filtered.origins()[c]))
          .isEqualTo(rowsOf(filtered, c));
    }
    assertThat(Arrays.asList(filtered.origins()))
        .anySatisfy(origin -> assertThat(origin).contains(1, 3));
  }

  @Test
  void keepsTheWantedSurplusOfColumnsOverRows() {
    QsLikeMatrix matrix = aQsLikeMatrix(1500).withSurplus(200);

    FilteredMatrix filtered = MatrixFilter.filter(matrix.rows(), matrix.columns(), 64, 40);

    assertThat(filtered.columnCount() - filtered.rows()).isBetween(64, 70);
    for (int[] column : filtered.columns()) {
      assertThat(column).isSorted();
      assertThat(Arrays.stream(column).allMatch(row -> row >= 0 && row < filtered.rows())).isTrue();
    }
  }

  @Test
  void leavesNoRowHeldByFewerThanThreeColumnsWhenMergingFreely() {
    QsLikeMatrix matrix = aQsLikeMatrix(1000);

    FilteredMatrix filtered =
        MatrixFilter.filter(matrix.rows(), matrix.columns(), 64, Integer.MAX_VALUE);

    int[] weights = new int[filtered.rows()];
    for (int[] column : filtered.columns()) {
      for (int row : column) {
        weights[row]++;
      }
    }
    assertThat(Arrays.stream(weights).min().orElse(3)).isGreaterThanOrEqualTo(3);
  }

  @Test
  void rejectsColumnsWithRowsOutOfRangeOrOutOfOrder() {
    assertThatThrownBy(() -> MatrixFilter.filter(3, new int[][] {{0, 3}}, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MatrixFilter.filter(3, new int[][] {{2, 1}}, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static BitSet sumOf(int[][] columns, int[] origin) {
    BitSet sum = new BitSet();
    for (int c : origin) {
      for (int row : columns[c]) {
        sum.flip(row);
      }
    }
    return sum;
  }

  /** The filtered column's rows; only rows 2 and 3 are emptied, so 0 and 1 keep their numbers. */
  private static BitSet rowsOf(FilteredMatrix filtered, int c) {
    BitSet rows = new BitSet();
    for (int row : filtered.columns()[c]) {
      rows.set(row);
    }
    return rows;
  }
}
