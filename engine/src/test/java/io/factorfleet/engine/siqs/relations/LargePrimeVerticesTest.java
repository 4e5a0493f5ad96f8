package io.factorfleet.engine.siqs.relations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LargePrimeVerticesTest {

  @Test
  void shouldGiveEachPrimeItsVertexAsTheMapGrows() {
    LargePrimeVertices vertices = new LargePrimeVertices();
    for (int v = 0; v < 50_000; v++) {
      vertices.put(prime(v), v);
    }

    for (int v = 0; v < 50_000; v++) {
      assertThat(vertices.get(prime(v))).isEqualTo(v);
    }
    assertThat(vertices.get(prime(50_000))).isEqualTo(-1);
  }

  @Test
  void shouldRefuseOneAsALargePrime() {
    assertThatThrownBy(() -> new LargePrimeVertices().put(1, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Distinct keys spread like large primes: odd, above 2^20, some past 2^32. */
  private static long prime(int v) {
    return (1L << 20) + 2L * v * 40_503 + 1;
  }
}
