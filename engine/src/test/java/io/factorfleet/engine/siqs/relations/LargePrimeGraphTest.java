package io.factorfleet.engine.siqs.relations;

import static org.assertj.core.api.Assertions.assertThat;

import io.factorfleet.engine.siqs.Relation;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LargePrimeGraphTest {

  private int nextY = 1;
  private final List<Relation> added = new ArrayList<>();

  @Test
  void shouldCloseACycleWithTwoSinglePartialsOfOneLargePrime() {
    LargePrimeGraph graph = new LargePrimeGraph();
    Relation first = partial(101);
    Relation second = partial(101);

    assertThat(add(graph, first)).isFalse();
    assertThat(add(graph, second)).isTrue();

    assertThat(cycles(graph)).containsExactly(List.of(second, first));
  }

  @Test
  void shouldCloseACycleThroughAPartialPartial() {
    LargePrimeGraph graph = new LargePrimeGraph();
    Relation p = partial(101);
    Relation pq = partial(101, 103);
    Relation q = partial(103);

    add(graph, p);
    add(graph, pq);
    add(graph, q);

    assertThat(graph.cycleCount()).isEqualTo(1);
    assertThat(cycles(graph).get(0)).containsExactlyInAnyOrder(p, pq, q);
  }

  @Test
  void shouldTakeTheSquareOfALargePrimeAsACycleOfItsOwn() {
    LargePrimeGraph graph = new LargePrimeGraph();
    Relation square = partial(107, 107);

    assertThat(add(graph, square)).isTrue();

    assertThat(cycles(graph)).containsExactly(List.of(square));
  }

  @Test
  void shouldCountEdgesLessVerticesPlusComponentsAndGiveEachCycleEvenLargePrimes() {
    Random random = new Random(5);
    long[] primes = {101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167, 173};
    LargePrimeGraph graph = new LargePrimeGraph();
    UnionFind components = new UnionFind();
    int edges = 0;
    for (int i = 0; i < 40; i++) {
      long p = primes[random.nextInt(primes.length)];
      Relation relation =
          random.nextBoolean() ? partial(p) : partial(p, primes[random.nextInt(primes.length)]);
      add(graph, relation);
      edges++;
      components.join(
          relation.isPartialPartial() ? relation.largePrime() : 1,
          relation.isPartialPartial() ? relation.secondLargePrime() : relation.largePrime());
    }

    assertThat(graph.cycleCount())
        .isEqualTo(edges - components.vertexCount() + components.componentCount());
    List<List<Relation>> cycles = cycles(graph);
    assertThat(cycles).hasSize(graph.cycleCount());
    Set<Set<Relation>> distinct = new HashSet<>();
    for (List<Relation> cycle : cycles) {
      assertThat(largePrimeExponents(cycle).values()).allMatch(exponent -> exponent % 2 == 0);
      distinct.add(Set.copyOf(cycle));
    }
    assertThat(distinct).hasSameSizeAs(cycles);
  }

  /** Adds the relation's edge, named by its place in {@link #added}. */
  private boolean add(LargePrimeGraph graph, Relation relation) {
    added.add(relation);
    return graph.add(added.size() - 1, relation.largePrime(), relation.secondLargePrime());
  }

  /** The graph's cycles, each edge the relation it names. */
  private List<List<Relation>> cycles(LargePrimeGraph graph) {
    return graph.cycles().stream()
        .map(cycle -> Arrays.stream(cycle).mapToObj(added::get).toList())
        .toList();
  }

  private static Map<Long, Integer> largePrimeExponents(List<Relation> cycle) {
    Map<Long, Integer> exponents = new HashMap<>();
    for (Relation relation : cycle) {
      exponents.merge(relation.largePrime(), 1, Integer::sum);
      if (relation.isPartialPartial()) {
        exponents.merge(relation.secondLargePrime(), 1, Integer::sum);
      }
    }
    return exponents;
  }

  /** A relation with the given large primes; the graph reads nothing else of it. */
  private Relation partial(long... largePrimes) {
    return new Relation(
        BigInteger.valueOf(nextY++),
        false,
        new int[] {2},
        largePrimes[0],
        largePrimes.length > 1 ? largePrimes[1] : 1);
  }

  /** Vertices and components counted the plain way, 1 being a vertex from the start. */
  private static final class UnionFind {
    private final Map<Long, Long> parent = new HashMap<>(Map.of(1L, 1L));

    void join(long a, long b) {
      parent.putIfAbsent(a, a);
      parent.putIfAbsent(b, b);
      parent.put(root(a), root(b));
    }

    private long root(long v) {
      while (parent.get(v) != v) {
        v = parent.get(v);
      }
      return v;
    }

    int vertexCount() {
      return parent.size();
    }

    long componentCount() {
      return parent.keySet().stream().filter(v -> root(v) == v).count();
    }
  }
}
