package io.factorfleet.engine.siqs.matrix;

import java.util.ArrayList;
import java.util.List;

/**
 * Montgomery's block Lanczos with 64-bit blocks, after the same filtering as {@link
 * StructuredGaussianElimination} (with merges kept light, since the iteration's cost follows the
 * number of ones). It needs only matrix-times-block products, so its time grows with the number of
 * ones times the dimension rather than the dimension cubed, and it finds at most about 60
 * dependencies per run.
 *
 * <p>A run can break down for an unlucky random start; then it is retried from the next fixed seed,
 * so the result is still deterministic. Should every seed fail, or the matrix be too small for the
 * iteration to be reliable, dense elimination of the filtered matrix gives the answer.
 */
public final class BlockLanczos implements NullSpaceSolver {

  /** Below this many filtered columns, dense elimination is both cheaper and always reliable. */
  static final int DENSE_BELOW = 200;

  private static final int SURPLUS = 64;
  private static final int MAX_MERGED_WEIGHT = 40;
  private static final int ATTEMPTS = 4;
  // A good run yields close to 64 vectors; fewer than this many means it went wrong.
  private static final int EXPECTED_YIELD = 32;
  private static final long SEED_STEP = 0x9E3779B97F4A7C15L;

  @Override
  public List<int[]> dependencies(int rows, int[][] columns, int maxDependencies) {
    if (maxDependencies <= 0 || columns.length == 0) {
      return List.of();
    }
    FilteredMatrix filtered = MatrixFilter.filter(rows, columns, SURPLUS, MAX_MERGED_WEIGHT);
    int surplus = filtered.columnCount() - filtered.rows();
    int expected = Math.min(maxDependencies, Math.min(EXPECTED_YIELD, Math.max(0, surplus)));
    if (filtered.columnCount() >= DENSE_BELOW) {
      for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
        List<int[]> found =
            verified(rows, columns, maxDependencies, filtered, lanczos(filtered, attempt));
        if (found.size() >= expected) {
          return found;
        }
      }
    }
    List<long[]> dense =
        DenseGaussianElimination.nullSpace(
            filtered.rows(),
            filtered.columns(),
            (int) Math.min(Integer.MAX_VALUE, maxDependencies + 16L));
    return verified(rows, columns, maxDependencies, filtered, dense);
  }

  private static List<int[]> verified(
      int rows, int[][] columns, int limit, FilteredMatrix filtered, List<long[]> nullSpace) {
    VerifiedDependencies found = new VerifiedDependencies(rows, columns, limit);
    for (int i = 0; i < nullSpace.size() && !found.isFull(); i++) {
      found.offer(filtered.toOriginal(nullSpace.get(i)));
    }
    return found.result();
  }

  /**
   * Independent null space vectors of the filtered matrix from one run with the attempt's seed,
   * each a bit set over its columns; empty when the run broke down.
   */
  static List<long[]> lanczos(FilteredMatrix filtered, int attempt) {
    LanczosIteration iteration = new LanczosIteration(filtered.rows(), filtered.columns());
    LanczosIteration.Result result = iteration.run(SEED_STEP * attempt);
    if (result == null) {
      return List.of();
    }
    long[] x = result.solution();
    long[] v = result.lastBlock();
    List<long[]> vectors = new ArrayList<>();
    for (long[] combination : kernelCombinations(iteration.multiplyB(x), iteration.multiplyB(v))) {
      vectors.add(combine(x, v, combination));
    }
    return independentNonzero(vectors, Bits.words(filtered.columnCount()));
  }

  /**
   * The combinations (128-bit masks over the columns of [X | V]) that B maps to zero, found by
   * eliminating on the 128 columns of [BX | BV].
   */
  private static List<long[]> kernelCombinations(long[] bx, long[] bv) {
    int words = Bits.words(bx.length);
    long[][] images = new long[128][words];
    long[][] combinations = new long[128][2];
    for (int row = 0; row < bx.length; row++) {
      for (long bits = bx[row]; bits != 0; bits &= bits - 1) {
        Bits.set(images[Long.numberOfTrailingZeros(bits)], row);
      }
      for (long bits = bv[row]; bits != 0; bits &= bits - 1) {
        Bits.set(images[64 + Long.numberOfTrailingZeros(bits)], row);
      }
    }
    for (int j = 0; j < 128; j++) {
      combinations[j][j >>> 6] = 1L << j;
    }
    List<long[]> kernel = new ArrayList<>();
    for (int i = 0; i < 128; i++) {
      int lead = lowestSetBit(images[i]);
      if (lead < 0) {
        kernel.add(combinations[i]);
        continue;
      }
      for (int k = i + 1; k < 128; k++) {
        if (Bits.get(images[k], lead)) {
          xor(images[k], images[i]);
          xor(combinations[k], combinations[i]);
        }
      }
    }
    return kernel;
  }

  private static long[] combine(long[] x, long[] v, long[] combination) {
    long[] vector = new long[Bits.words(x.length)];
    for (int k = 0; k < x.length; k++) {
      long picked = (x[k] & combination[0]) ^ (v[k] & combination[1]);
      if ((Long.bitCount(picked) & 1) != 0) {
        Bits.set(vector, k);
      }
    }
    return vector;
  }

  /** Those vectors that are not sums of earlier ones; zero vectors are among the dropped. */
  private static List<long[]> independentNonzero(List<long[]> vectors, int words) {
    List<long[]> basis = new ArrayList<>();
    List<Integer> leads = new ArrayList<>();
    List<long[]> kept = new ArrayList<>();
    for (long[] vector : vectors) {
      long[] reduced = vector.clone();
      for (int i = 0; i < basis.size(); i++) {
        if (Bits.get(reduced, leads.get(i))) {
          xor(reduced, basis.get(i));
        }
      }
      int lead = lowestSetBit(reduced);
      if (lead >= 0) {
        // keep the basis reduced at every lead, so that one pass reduces the next vector fully
        for (long[] earlier : basis) {
          if (Bits.get(earlier, lead)) {
            xor(earlier, reduced);
          }
        }
        basis.add(reduced);
        leads.add(lead);
        kept.add(vector);
      }
    }
    return kept;
  }

  private static int lowestSetBit(long[] vector) {
    for (int w = 0; w < vector.length; w++) {
      if (vector[w] != 0) {
        return (w << 6) + Long.numberOfTrailingZeros(vector[w]);
      }
    }
    return -1;
  }

  private static void xor(long[] target, long[] source) {
    for (int w = 0; w < target.length; w++) {
      target[w] ^= source[w];
    }
  }
}
