package io.factorfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.factorfleet.producer.BatchSizer;
import org.junit.jupiter.api.Test;

class FleetFactoringTest {
  private static final int CONFIRM_WINDOW = 64;

  @Test
  void shouldLetNoMoreThanTheReplyBufferOfNumbersComeAheadWithAdaptiveTasks() {
    int largest = BatchSizer.adaptive().largest();

    int prefetch = FleetFactoring.replyPrefetch(CONFIRM_WINDOW, largest);

    assertThat((long) prefetch * largest).isLessThanOrEqualTo(FleetFactoring.REPLY_BUFFER_NUMBERS);
    assertThat(prefetch).isGreaterThanOrEqualTo(2);
  }

  @Test
  void shouldKeepTwiceTheConfirmWindowOfRepliesComingWhenTasksAreSmall() {
    assertThat(FleetFactoring.replyPrefetch(CONFIRM_WINDOW, 1)).isEqualTo(2 * CONFIRM_WINDOW);
    assertThat(FleetFactoring.replyPrefetch(CONFIRM_WINDOW, 256)).isEqualTo(2 * CONFIRM_WINDOW);
  }

  @Test
  void shouldKeepTwoRepliesComingWhenOneTaskIsLargerThanTheReplyBuffer() {
    assertThat(FleetFactoring.replyPrefetch(CONFIRM_WINDOW, 100_000)).isEqualTo(2);
  }
}
