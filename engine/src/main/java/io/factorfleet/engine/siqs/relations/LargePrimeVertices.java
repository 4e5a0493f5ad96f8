package io.factorfleet.engine.siqs.relations;

/**
 * The vertex number of each large prime seen, in open addressing on primitive arrays: a map of
 * boxed keys and values took three objects a prime, and there is a prime for most partial
 * relations. Large primes are above the factor base, so never 0, which marks an empty slot.
 */
final class LargePrimeVertices {

  private long[] primes = new long[1 << 10];
  private int[] vertices = new int[1 << 10];
  private int size;

  /** The vertex of {@code prime}, or -1 when it has none. */
  int get(long prime) {
    int mask = primes.length - 1;
    for (int slot = slot(prime, mask); primes[slot] != 0; slot = (slot + 1) & mask) {
      if (primes[slot] == prime) {
        return vertices[slot];
      }
    }
    return -1;
  }

  /** Gives {@code prime} (above 1, without a vertex yet) the vertex {@code vertex}. */
  void put(long prime, int vertex) {
    if (prime <= 1) {
      throw new IllegalArgumentException("a large prime is above 1 but was " + prime);
    }
    if (2 * (size + 1) > primes.length) {
      grow();
    }
    place(prime, vertex);
    size++;
  }

  private void grow() {
    long[] oldPrimes = primes;
    int[] oldVertices = vertices;
    primes = new long[2 * oldPrimes.length];
    vertices = new int[2 * oldVertices.length];
    for (int slot = 0; slot < oldPrimes.length; slot++) {
      if (oldPrimes[slot] != 0) {
        place(oldPrimes[slot], oldVertices[slot]);
      }
    }
  }

  private void place(long prime, int vertex) {
    int mask = primes.length - 1;
    int slot = slot(prime, mask);
    while (primes[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    primes[slot] = prime;
    vertices[slot] = vertex;
  }

  private static int slot(long prime, int mask) {
    long h = prime * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 32) & mask;
  }
}
