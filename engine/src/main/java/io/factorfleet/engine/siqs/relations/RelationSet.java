package io.factorfleet.engine.siqs.relations;

import io.factorfleet.engine.siqs.FactorBase;
import io.factorfleet.engine.siqs.Relation;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The relations found so far, filtered and combined into the columns of the matrix: duplicates (the
 * same y twice, as when two units share an A) are dropped, a full relation is a column of its own,
 * and partial relations whose large primes form a cycle make one column (each large prime then
 * appears squared; see {@link LargePrimeGraph}): two with the same single large prime, or longer
 * chains through relations with two. A partial relation on no cycle yet waits. The relations are
 * kept packed in a {@link RelationStore} and unpacked only for the square root.
 */
public final class RelationSet {

  /** A set of relations whose product is a square apart from factor-base primes. */
  public record Column(List<Relation> relations) {
    public Column {
      relations = List.copyOf(relations);
    }
  }

  private final FactorBase factorBase;
  private final RelationStore store = new RelationStore();
  private int[] fulls = new int[64];
  private int fullCount;
  private final LargePrimeGraph graph = new LargePrimeGraph();
  private int partials;

  /**
   * Each column's relations as their places in the store: the full relations in the order they
   * came, then the cycles in the order closed; null when a relation came since.
   */
  private List<int[]> columnRelations;

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
    if (contains(relation) || !inFactorBase(relation) || !relation.holdsFor(factorBase.kN())) {
      return false;
    }
    int stored = store.add(relation);
    columnRelations = null;
    if (!relation.isPartial()) {
      if (fullCount == fulls.length) {
        fulls = Arrays.copyOf(fulls, 2 * fullCount);
      }
      fulls[fullCount++] = stored;
      return true;
    }
    partials++;
    graph.add(stored, relation.largePrime(), relation.secondLargePrime());
    return true;
  }

  /** Whether a relation of the same |y| was added before: the same relation, or a wrong one. */
  public boolean contains(Relation relation) {
    return store.find(relation.y()) >= 0;
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
    return fullCount + graph.cycleCount();
  }

  /** Partial relations kept so far, combined or not. */
  public int partialCount() {
    return partials;
  }

  /**
   * The columns: the full relations in the order they came, then the cycles in the order closed. A
   * view: each column's relations are unpacked from the store when it is read, as the square root
   * reads only the columns of one dependency.
   */
  public List<Column> columns() {
    List<int[]> columns = columnRelations();
    return new AbstractList<>() {
      @Override
      public Column get(int index) {
        int[] column = columns.get(index);
        List<Relation> relations = new ArrayList<>(column.length);
        for (int stored : column) {
          relations.add(store.relation(stored));
        }
        return new Column(relations);
      }

      @Override
      public int size() {
        return columns.size();
      }
    };
  }

  private List<int[]> columnRelations() {
    if (columnRelations == null) {
      List<int[]> all = new ArrayList<>(fullCount + graph.cycleCount());
      for (int f = 0; f < fullCount; f++) {
        all.add(new int[] {fulls[f]});
      }
      all.addAll(graph.cycles());
      columnRelations = all;
    }
    return columnRelations;
  }

  /**
   * The matrix rows (ascending) where each column has an odd exponent: row 0 is the sign, row 1 + i
   * the factor-base prime at index i. Large primes of combined columns cancel out.
   */
  public int[][] matrixColumns() {
    List<int[]> columns = columnRelations();
    int[][] matrix = new int[columns.size()][];
    boolean[] odd = new boolean[rowCount()];
    boolean[] listed = new boolean[rowCount()];
    int[] touched = new int[rowCount()];
    for (int c = 0; c < columns.size(); c++) {
      int touchedCount = 0;
      for (int relation : columns.get(c)) {
        if (store.negative(relation)) {
          touchedCount = flip(odd, listed, touched, touchedCount, 0);
        }
        for (int k = 0; k < store.primeCount(relation); k++) {
          int index = factorBase.indexOf(store.prime(relation, k));
          if (index < 0) {
            throw new IllegalStateException(
                store.prime(relation, k)
                    + " of "
                    + store.relation(relation)
                    + " is not in the factor base");
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
