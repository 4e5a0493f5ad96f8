package io.factorfleet.aggregator.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.factorfleet.wire.WireCodec;
import org.junit.jupiter.api.Test;

class AggregatorSettingsTest {
  private static final long MIB = 1L << 20;

  @Test
  void shouldSizeTheDefaultPrefetchSoThatTheLargestRepliesFillAtMostHalfTheHeap() {
    assertThat(AggregatorSettings.prefetchForHeap(256 * MIB)).isEqualTo(32);
    assertThat(AggregatorSettings.prefetchForHeap(1024 * MIB)).isEqualTo(128);
    for (long heap : new long[] {96 * MIB, 256 * MIB, 700 * MIB, 2048 * MIB}) {
      assertThat((long) AggregatorSettings.prefetchForHeap(heap) * WireCodec.DEFAULT_MAX_BODY_BYTES)
          .as("largest replies sent ahead, heap of %d MiB", heap / MIB)
          .isLessThanOrEqualTo(heap / 2);
    }
  }

  @Test
  void shouldKeepTheDefaultPrefetchWithinItsBounds() {
    assertThat(AggregatorSettings.prefetchForHeap(16 * MIB)).isEqualTo(8);
    assertThat(AggregatorSettings.prefetchForHeap(64L * 1024 * MIB)).isEqualTo(256);
  }
}
