package io.factorfleet.engine.siqs.relations;

import io.factorfleet.engine.siqs.Relation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The partial relations as a graph whose vertices are large primes, with one more vertex standing
 * for 1: a relation with one large prime p is an edge from 1 to p, one with two, p and q, an edge
 * from p to q. A set of relations whose edges form a cycle has every large prime to an even power,
 * so a cycle is one matrix column, and the independent cycles number edges - vertices + components.
 * A union-find counts them as relations arrive: an edge inside one component closes a cycle, an
 * edge between two joins them and becomes part of a spanning forest; each cycle is the closing edge
 * and the forest's path between its ends. Two single partials with the same large prime make the
 * cycle of two edges, 1 - p - 1, as in the sieve with one large prime.
 */
final class LargePrimeGraph {

  /** The vertex standing for 1, the other end of a single partial's edge. */
  private static final int ONE = 0;

  private final Map<Long, Integer> vertices = new HashMap<>();
  private int[] leader = new int[64];
  private int vertexCount = 1;
  private final List<Relation> forestEdges = new ArrayList<>();
  private final List<Relation> closingEdges = new ArrayList<>();

  /** Adds a partial relation's edge; returns whether it closed a cycle. */
  boolean add(Relation relation) {
    int from = relation.isPartialPartial() ? vertex(relation.largePrime()) : ONE;
    int to =
        vertex(relation.isPartialPartial() ? relation.secondLargePrime() : relation.largePrime());
    int fromLeader = find(from);
    int toLeader = find(to);
    if (fromLeader == toLeader) {
      closingEdges.add(relation);
      return true;
    }
    leader[fromLeader] = toLeader;
    forestEdges.add(relation);
    return false;
  }

  /** The number of independent cycles so far. */
  int cycleCount() {
    return closingEdges.size();
  }

  /** Each cycle's relations, the closing edge first, in the order the cycles closed. */
  List<List<Relation>> cycles() {
    Forest forest = new Forest();
    List<List<Relation>> cycles = new ArrayList<>(closingEdges.size());
    for (Relation closing : closingEdges) {
      List<Relation> cycle = new ArrayList<>();
      cycle.add(closing);
      int a = closing.isPartialPartial() ? vertices.get(closing.largePrime()) : ONE;
      int b =
          vertices.get(
              closing.isPartialPartial() ? closing.secondLargePrime() : closing.largePrime());
      forest.addPath(a, b, cycle);
      cycles.add(cycle);
    }
    return cycles;
  }

  private int vertex(long largePrime) {
    Integer known = vertices.get(largePrime);
    if (known != null) {
      return known;
    }
    if (vertexCount == leader.length) {
      leader = Arrays.copyOf(leader, 2 * leader.length);
    }
    int vertex = vertexCount++;
    leader[vertex] = vertex;
    vertices.put(largePrime, vertex);
    return vertex;
  }

  private int find(int vertex) {
    int root = vertex;
    while (leader[root] != root) {
      root = leader[root];
    }
    while (leader[vertex] != root) { // path compression
      int next = leader[vertex];
      leader[vertex] = root;
      vertex = next;
    }
    return root;
  }

  /** The spanning forest rooted by a breadth-first search: parent, edge to it and depth of each. */
  private final class Forest {
    private final int[] parent = new int[vertexCount];
    private final Relation[] edgeToParent = new Relation[vertexCount];
    private final int[] depth = new int[vertexCount];

    Forest() {
      int[] first = new int[vertexCount];
      Arrays.fill(first, -1);
      int[] next = new int[2 * forestEdges.size()];
      int[] other = new int[2 * forestEdges.size()];
      for (int e = 0; e < forestEdges.size(); e++) {
        int[] ends = ends(forestEdges.get(e));
        for (int side = 0; side < 2; side++) {
          int slot = 2 * e + side;
          other[slot] = ends[1 - side];
          next[slot] = first[ends[side]];
          first[ends[side]] = slot;
        }
      }
      Arrays.fill(parent, -1);
      int[] queue = new int[vertexCount];
      for (int root = 0; root < vertexCount; root++) {
        if (parent[root] != -1) {
          continue;
        }
        parent[root] = root;
        int head = 0;
        int tail = 0;
        queue[tail++] = root;
        while (head < tail) {
          int vertex = queue[head++];
          for (int slot = first[vertex]; slot != -1; slot = next[slot]) {
            int neighbour = other[slot];
            if (parent[neighbour] == -1) {
              parent[neighbour] = vertex;
              edgeToParent[neighbour] = forestEdges.get(slot / 2);
              depth[neighbour] = depth[vertex] + 1;
              queue[tail++] = neighbour;
            }
          }
        }
      }
    }

    /** Adds the edges of the forest's path between a and b (in one tree) to {@code edges}. */
    void addPath(int a, int b, List<Relation> edges) {
      while (a != b) {
        if (depth[a] >= depth[b]) {
          edges.add(edgeToParent[a]);
          a = parent[a];
        } else {
          edges.add(edgeToParent[b]);
          b = parent[b];
        }
      }
    }

    private int[] ends(Relation relation) {
      if (relation.isPartialPartial()) {
        return new int[] {
          vertices.get(relation.largePrime()), vertices.get(relation.secondLargePrime())
        };
      }
      return new int[] {ONE, vertices.get(relation.largePrime())};
    }
  }
}
