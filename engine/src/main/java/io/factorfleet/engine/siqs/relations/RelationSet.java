package io.factorfleet.engine.siqs.relations;

import io.factorfleet.engine.siqs.FactorBase;
import io.factorfleet.engine.siqs.Relation;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The relations found so far, filtered and combined into the columns of the matrix: duplicates (the
 * same y twice, as when two units share an A) are dropped, a full relation is a column of its own,
 * and partial relations whose large primes form a cycle make one column (each large prime then
 * appears squared; see {@link LargePrimeGraph}): two with the same single large prime, or longer
 * chains through relations with two. A partial relation on no cycle yet waits.
 */
public final class RelationSet {

  /** A set of relations whose product is a square apart from factor-base primes. */
  public record Column(List<Relation> relations) {
    public Column {
      relations = List.copyOf(relations);
    }
  }

  private final FactorBase factorBase;
  private final Set<BigInteger> seen = new HashSet<>();
  private final List<Column> fullColumns = new ArrayList<>();
  private final LargePrimeGraph graph = new LargePrimeGraph();
  private int partials;

  /** The full relations' columns, then the cycles' columns; null when a relation came since. */
  private List<Column> columns;

  public RelationSet(FactorBase factorBase) {
    this.factorBase = factorBase;
  }

  /**
   * Adds a relation; returns false when it was a duplicate or does not hold for the factor base's
   * kN, in which case it is dropped.
   */
  public boolean add(Relation relation) {
    // a duplicate is dropped before the costlier check; a relation is checked before it is
    // remembered: a wrong relation must not shut out the right one of its y
    if (contains(relation)
        || !inFactorBase(relation)
        || !relation.holdsFor(factorBase.kN())
        || !seen.add(relation.y().abs())) {
      return false;
    }
    columns = null;
    if (!relation.isPartial()) {
      fullColumns.add(new Column(List.of(relation)));
      return true;
    }
    partials++;
    graph.add(relation);
    return true;
  }

  /** Whether a relation of the same |y| was added before: the same relation, or a wrong one. */
  public boolean contains(Relation relation) {
    return seen.contains(relation.y().abs());
  }

  /**
   * Whether the relation's primes are factor-base primes in ascending order, as the matrix needs
   * them; a relation from elsewhere may say anything.
   */
  private boolean inFactorBase(Relation relation) {
    int previous = 0;
    for (int k = 0; k < relation.primeCount(); k++) {
      int p = relation.prime(k);
      if (p < previous || factorBase.indexOf(p) < 0) {
        return false;
      }
      previous = p;
    }
    return true;
  }

  /** Columns so far: full relations and combined pairs of partial ones. */
  public int columnCount() {
    return fullColumns.size() + graph.cycleCount();
  }

  /** Partial relations kept so far, combined or not. */
  public int partialCount() {
    return partials;
  }

  /**
   * The columns: the full relations in the order they came, then the cycles in the order closed.
   */
  public List<Column> columns() {
    if (columns == null) {
      List<Column> all = new ArrayList<>(fullColumns);
      for (List<Relation> cycle : graph.cycles()) {
        all.add(new Column(cycle));
      }
      columns = List.copyOf(all);
    }
    return columns;
  }

  /**
   * The matrix rows (ascending) where each column has an odd exponent: row 0 is the sign, row 1 + i
   * the factor-base prime at index i. Large primes of combined columns cancel out.
   */
  public int[][] matrixColumns() {
    List<Column> columns = columns();
    int[][] matrix = new int[columns.size()][];
    boolean[] odd = new boolean[rowCount()];
    boolean[] listed = new boolean[rowCount()];
    int[] touched = new int[rowCount()];
    for (int c = 0; c < columns.size(); c++) {
      int touchedCount = 0;
      for (Relation relation : columns.get(c).relations()) {
        if (relation.negative()) {
          touchedCount = flip(odd, listed, touched, touchedCount, 0);
        }
        for (int k = 0; k < relation.primeCount(); k++) {
          int index = factorBase.indexOf(relation.prime(k));
          if (index < 0) {
            throw new IllegalStateException(
                relation.prime(k) + " of " + relation + " is not in the factor base");
          }
          touchedCount = flip(odd, listed, touched, touchedCount, 1 + index);
        }
      }
      int oddCount = 0;
      for (int i = 0; i < touchedCount; i++) {
        int row = touched[i];
        if (odd[row]) {
          touched[oddCount++] = row;
        }
        odd[row] = false;
        listed[row] = false;
      }
      matrix[c] = Arrays.copyOf(touched, oddCount);
      Arrays.sort(matrix[c]);
    }
    return matrix;
  }

  /** Flips the row's parity, listing it among the touched rows the first time; the new count. */
  private static int flip(boolean[] odd, boolean[] listed, int[] touched, int count, int row) {
    odd[row] = !odd[row];
    if (!listed[row]) {
      listed[row] = true;
      touched[count++] = row;
    }
    return count;
  }

  /** The number of matrix rows: the sign and one per factor-base prime. */
  public int rowCount() {
    return factorBase.size() + 1;
  }
}
