package io.factorfleet.engine.siqs.relations;

import io.factorfleet.engine.siqs.FactorBase;
import io.factorfleet.engine.siqs.Relation;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The relations found so far, filtered and combined into the columns of the matrix: duplicates (the
 * same y twice, as when two units share an A) are dropped, a full relation is a column of its own,
 * and two partial relations with the same large prime make one column (the large prime then appears
 * squared). A partial relation whose large prime has not yet come up again is a singleton and
 * waits.
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
  private final Map<Long, Relation> firstPartials = new HashMap<>();
  private final List<Column> columns = new ArrayList<>();
  private int partials;

  public RelationSet(FactorBase factorBase) {
    this.factorBase = factorBase;
  }

  /**
   * Adds a relation; returns false when it was a duplicate or does not hold for the factor base's
   * kN, in which case it is dropped.
   */
  public boolean add(Relation relation) {
    // checked before it is remembered: a wrong relation must not shut out the right one of its y
    if (!relation.holdsFor(factorBase.kN()) || !seen.add(relation.y().abs())) {
      return false;
    }
    if (!relation.isPartial()) {
      columns.add(new Column(List.of(relation)));
      return true;
    }
    partials++;
    Relation first = firstPartials.putIfAbsent(relation.largePrime(), relation);
    if (first != null) {
      columns.add(new Column(List.of(first, relation)));
    }
    return true;
  }

  /** Columns so far: full relations and combined pairs of partial ones. */
  public int columnCount() {
    return columns.size();
  }

  /** Partial relations kept so far, combined or not. */
  public int partialCount() {
    return partials;
  }

  /** The columns, in the order they were completed. */
  public List<Column> columns() {
    return List.copyOf(columns);
  }

  /**
   * The matrix rows (ascending) where each column has an odd exponent: row 0 is the sign, row 1 + i
   * the factor-base prime at index i. Large primes of combined columns cancel out.
   */
  public int[][] matrixColumns() {
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
