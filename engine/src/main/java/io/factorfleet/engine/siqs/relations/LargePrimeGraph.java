package io.factorfleet.engine.siqs.relations;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The partial relations as a graph whose vertices are large primes, with one more vertex standing
 * for 1: a relation with one large prime p is an edge from 1 to p, one with two, p and q, an edge
 * from p to q. A set of relations whose edges form a cycle has every large prime to an even power,
 * so a cycle is one matrix column, and the independent cycles number edges - vertices + components.
 * A union-find counts them as relations arrive: an edge inside one component closes a cycle, an
 * edge between two joins them and becomes part of a spanning forest; each cycle is the closing edge
 * and the forest's path between its ends. Two single partials with the same large prime make the
 * cycle of two edges, 1 - p - 1, as in the sieve with one large prime.
 *
 * <p>An edge is named by an int the caller chooses (the relation's place in a {@link
 * RelationStore}); the graph keeps only those names and the ends, in primitive arrays.
 */
final class LargePrimeGraph {

  /** The vertex standing for 1, the other end of a single partial's edge. */
  private static final int ONE = 0;

  private final LargePrimeVertices vertices = new LargePrimeVertices();
  private int[] leader = new int[64];
  private int vertexCount = 1;
  private final Edges forestEdges = new Edges();
  private final Edges closingEdges = new Edges();

  /**
   * Adds the edge {@code edge} of a partial relation with the given large primes ({@code
   * secondLargePrime} 1 for a relation with one); returns whether it closed a cycle.
   */
  boolean add(int edge, long largePrime, long secondLargePrime) {
    int from = secondLargePrime != 1 ? vertex(largePrime) : ONE;
    int to = vertex(secondLargePrime != 1 ? secondLargePrime : largePrime);
    int fromLeader = find(from);
    int toLeader = find(to);
    if (fromLeader == toLeader) {
      closingEdges.add(edge, from, to);
      return true;
    }
    leader[fromLeader] = toLeader;
    forestEdges.add(edge, from, to);
    return false;
  }

  /** The number of independent cycles so far. */
  int cycleCount() {
    return closingEdges.count;
  }

  /** Each cycle's edges, the closing edge first, in the order the cycles closed. */
  List<int[]> cycles() {
    Forest forest = new Forest();
    List<int[]> cycles = new ArrayList<>(closingEdges.count);
    int[] path = new int[vertexCount + 1];
    for (int c = 0; c < closingEdges.count; c++) {
      path[0] = closingEdges.names[c];
      int length = forest.path(closingEdges.from[c], closingEdges.to[c], path, 1);
      cycles.add(Arrays.copyOf(path, length));
    }
    return cycles;
  }

  private int vertex(long largePrime) {
    int known = vertices.get(largePrime);
    if (known >= 0) {
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

  /** Edges in the order added: each one's name and its two ends. */
  private static final class Edges {
    private int[] names = new int[64];
    private int[] from = new int[64];
    private int[] to = new int[64];
    private int count;

    void add(int name, int fromVertex, int toVertex) {
      if (count == names.length) {
        names = Arrays.copyOf(names, 2 * count);
        from = Arrays.copyOf(from, 2 * count);
        to = Arrays.copyOf(to, 2 * count);
      }
      names[count] = name;
      from[count] = fromVertex;
      to[count] = toVertex;
      count++;
    }
  }

  /** The spanning forest rooted by a breadth-first search: parent, edge to it and depth of each. */
  private final class Forest {
    private final int[] parent = new int[vertexCount];
    private final int[] edgeToParent = new int[vertexCount];
    private final int[] depth = new int[vertexCount];

    Forest() {
      int edges = forestEdges.count;
      int[] first = new int[vertexCount];
      Arrays.fill(first, -1);
      int[] next = new int[2 * edges];
      int[] other = new int[2 * edges];
      for (int e = 0; e < edges; e++) {
        int[] ends = {forestEdges.from[e], forestEdges.to[e]};
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
              edgeToParent[neighbour] = forestEdges.names[slot / 2];
              depth[neighbour] = depth[vertex] + 1;
              queue[tail++] = neighbour;
            }
          }
        }
      }
    }

    /**
     * Writes the edges of the forest's path between a and b (in one tree) into {@code edges} from
     * {@code at} on; returns where they end. A path has fewer edges than there are vertices.
     */
    int path(int a, int b, int[] edges, int at) {
      while (a != b) {
        if (depth[a] >= depth[b]) {
          edges[at++] = edgeToParent[a];
          a = parent[a];
        } else {
          edges[at++] = edgeToParent[b];
          b = parent[b];
        }
      }
      return at;
    }
  }
}
