package io.factorfleet.engine.siqs.matrix;

import static io.factorfleet.engine.siqs.matrix.QsLikeMatrix.aQsLikeMatrix;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BlockLanczosTest {

  @Test
  void findsNearlyFullBlocksOfNullSpaceVectorsFromEverySeed() {
    QsLikeMatrix matrix = aQsLikeMatrix(2000).withSurplus(64).withSeed(5);
    FilteredMatrix filtered = MatrixFilter.filter(matrix.rows(), matrix.columns(), 64, 40);
    assertThat(filtered.columnCount()).isGreaterThan(BlockLanczos.DENSE_BELOW);

    for (int attempt = 1; attempt <= 4; attempt++) {
      List<long[]> vectors = BlockLanczos.lanczos(filtered, attempt);

      assertThat(vectors).hasSizeGreaterThanOrEqualTo(56);
      for (long[] vector : vectors) {
        assertThat(Bits.isZero(vector)).isFalse();
        assertThat(isNullVector(filtered, vector)).isTrue();
      }
    }
  }

  @Test
  void agreesWithGaussianEliminationOnTheNumberOfDependencies() {
    for (long seed = 1; seed <= 3; seed++) {
      QsLikeMatrix matrix = aQsLikeMatrix(2000).withSurplus(40).withSeed(seed);
      int[][] columns = matrix.columns();

      List<int[]> byLanczos = new BlockLanczos().dependencies(matrix.rows(), columns, 32);
      List<int[]> byGauss =
          new StructuredGaussianElimination().dependencies(matrix.rows(), columns, 32);

      assertThat(byLanczos).hasSize(32).hasSameSizeAs(byGauss);
    }
  }

  @Test
  void invertsTheSubmatrixOfTheColumnsItKeeps() {
    SplittableRandom random = new SplittableRandom(3);
    int[] allColumns = new int[64];
    for (int i = 0; i < 64; i++) {
      allColumns[i] = i;
    }
    for (int round = 0; round < 20; round++) {
      long[] t = randomSymmetric(random);
      int[] kept = new int[64];
      long[] inverse = new long[64];

      int dim = NonsingularSubmatrix.invert(t, kept, allColumns, 64, inverse);

      assertThat(dim).isPositive();
      long mask = 0;
      for (int i = 0; i < dim; i++) {
        mask |= 1L << kept[i];
      }
      long[] product = Block64.multiply(masked(t, mask), inverse);
      assertThat(masked(product, mask)).isEqualTo(masked(Block64.identity(), mask));
    }
  }

  private static long[] randomSymmetric(SplittableRandom random) {
    long[] matrix = new long[64];
    for (int i = 0; i < 64; i++) {
      for (int j = 0; j <= i; j++) {
        if (random.nextBoolean()) {
          matrix[i] |= 1L << j;
          matrix[j] |= 1L << i;
        }
      }
    }
    return matrix;
  }

  /** The matrix with the rows and columns outside the mask zeroed. */
  private static long[] masked(long[] matrix, long mask) {
    long[] masked = new long[64];
    for (int i = 0; i < 64; i++) {
      masked[i] = (mask & (1L << i)) != 0 ? matrix[i] & mask : 0;
    }
    return masked;
  }

  private static boolean isNullVector(FilteredMatrix filtered, long[] vector) {
    boolean[] sum = new boolean[filtered.rows()];
    for (int c = 0; c < filtered.columnCount(); c++) {
      if (Bits.get(vector, c)) {
        for (int row : filtered.columns()[c]) {
          sum[row] = !sum[row];
        }
      }
    }
    for (boolean bit : sum) {
      if (bit) {
        return false;
      }
    }
    return true;
  }
}
