package io.factorfleet.engine.siqs.matrix;

import java.util.Arrays;
import java.util.Random;
import java.util.TreeSet;

/**
 * Test data shaped like a quadratic sieve matrix: row 0 is the sign, row i the i-th factor-base
 * prime, which divides a relation to an odd power with probability falling like 1/i, so the top
 * rows are heavy and the bottom ones sparse. Columns exceed rows by a small surplus.
 */
final class QsLikeMatrix {

  private int rows = 500;
  private int surplus = 32;
  private long seed = 1;
  private int minWeight = 10;
  private int maxWeight = 25;

  private QsLikeMatrix() {}

  /** A matrix of the given number of rows, 32 more columns, and seed 1. */
  static QsLikeMatrix aQsLikeMatrix(int rows) {
    QsLikeMatrix builder = new QsLikeMatrix();
    builder.rows = rows;
    return builder;
  }

  QsLikeMatrix withSurplus(int surplus) {
    this.surplus = surplus;
    return this;
  }

  QsLikeMatrix withSeed(long seed) {
    this.seed = seed;
    return this;
  }

  int rows() {
    return rows;
  }

  /** The columns, each a sorted array of distinct rows. */
  int[][] columns() {
    Random random = new Random(seed);
    int[][] columns = new int[rows + surplus][];
    double logRows = Math.log(rows - 1);
    for (int c = 0; c < columns.length; c++) {
      int weight = Math.min(rows - 1, minWeight + random.nextInt(maxWeight - minWeight + 1));
      TreeSet<Integer> column = new TreeSet<>();
      if (random.nextBoolean()) {
        column.add(0);
      }
      while (column.size() < weight) {
        // exp of a uniform draw on [0, log(rows - 1)) has density proportional to 1/i
        column.add(Math.max(1, (int) Math.exp(random.nextDouble() * logRows)));
      }
      columns[c] = column.stream().mapToInt(Integer::intValue).toArray();
    }
    return columns;
  }

  /** A deep copy, to check that a solver leaves its input alone. */
  static int[][] copyOf(int[][] columns) {
    return Arrays.stream(columns).map(int[]::clone).toArray(int[][]::new);
  }
}
