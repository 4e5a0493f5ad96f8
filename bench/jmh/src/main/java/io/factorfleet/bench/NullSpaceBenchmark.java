package io.factorfleet.bench;

import io.factorfleet.engine.siqs.matrix.BlockLanczos;
import io.factorfleet.engine.siqs.matrix.NullSpaceSolver;
import io.factorfleet.engine.siqs.matrix.StructuredGaussianElimination;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to find 64 dependencies of a matrix shaped like a quadratic sieve's, by each null space
 * solver. Its crossover sets {@code NullSpaceSolvers.LANCZOS_FROM_COLUMNS} in the engine. One
 * invocation at 20000 rows takes seconds, hence single-shot time and few iterations.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
@State(Scope.Benchmark)
public class NullSpaceBenchmark {

  private static final int SURPLUS = 64;
  private static final int DEPENDENCIES = 64;

  @Param({"1000", "5000", "20000"})
  public int rows;

  @Param({"gauss", "lanczos"})
  public String solver;

  private NullSpaceSolver nullSpaceSolver;
  private int[][] columns;

  @Setup(Level.Trial)
  public void createMatrix() {
    nullSpaceSolver =
        switch (solver) {
          case "gauss" -> new StructuredGaussianElimination();
          case "lanczos" -> new BlockLanczos();
          default -> throw new IllegalArgumentException("unknown solver " + solver);
        };
    columns = qsLikeColumns(rows, rows + SURPLUS, new Random(rows));
  }

  @Benchmark
  public List<int[]> findDependencies() {
    return nullSpaceSolver.dependencies(rows, columns, DEPENDENCIES);
  }

  /**
   * A copy of the engine tests' QsLikeMatrix (test classes are not on this module's path): row 0 is
   * the sign, in half the columns; row i is hit with probability falling like 1/i; 10 to 25 ones a
   * column.
   */
  public static int[][] qsLikeColumns(int rows, int count, Random random) {
    int[][] columns = new int[count][];
    double logRows = Math.log(rows - 1);
    for (int c = 0; c < count; c++) {
      int weight = Math.min(rows - 1, 10 + random.nextInt(16));
      TreeSet<Integer> column = new TreeSet<>();
      if (random.nextBoolean()) {
        column.add(0);
      }
      while (column.size() < weight) {
        column.add(Math.max(1, (int) Math.exp(random.nextDouble() * logRows)));
      }
      columns[c] = column.stream().mapToInt(Integer::intValue).toArray();
    }
    return columns;
  }
}
