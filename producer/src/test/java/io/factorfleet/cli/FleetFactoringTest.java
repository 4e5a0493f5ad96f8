package io.factorfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.factorfleet.producer.BatchSizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FleetFactoringTest {
  private static final int CONFIRM_WINDOW = 64;

  @ParameterizedTest(name = "{0} consumers")
  @ValueSource(ints = {1, 2, 4, 8})
  void shouldLetNoMoreThanTheReplyBufferOfNumbersComeAheadWithAdaptiveTasks(int consumers) {
    int largest = BatchSizer.adaptive().largest();

    int prefetch = FleetFactoring.replyPrefetch(CONFIRM_WINDOW, largest, consumers);

    assertThat((long) prefetch * consumers * largest)
        .isLessThanOrEqualTo(FleetFactoring.REPLY_BUFFER_NUMBERS);
    assertThat(prefetch * consumers).isGreaterThanOrEqualTo(2);
  }

  @ParameterizedTest(name = "{0} consumers")
  @ValueSource(ints = {1, 2, 4})
  void shouldShareTwiceTheConfirmWindowOfRepliesWhenTasksAreSmall(int consumers) {
    assertThat(FleetFactoring.replyPrefetch(CONFIRM_WINDOW, 1, consumers) * consumers)
        .isEqualTo(2 * CONFIRM_WINDOW);
    assertThat(FleetFactoring.replyPrefetch(CONFIRM_WINDOW, 256, consumers) * consumers)
        .isEqualTo(2 * CONFIRM_WINDOW);
  }

  @ParameterizedTest(name = "{0} consumers")
  @ValueSource(ints = {1, 2})
  void shouldKeepTwoRepliesComingWhenOneTaskIsLargerThanTheReplyBuffer(int consumers) {
    assertThat(FleetFactoring.replyPrefetch(CONFIRM_WINDOW, 100_000, consumers) * consumers)
        .isEqualTo(2);
  }

  @ParameterizedTest(name = "{0} consumers")
  @ValueSource(ints = {3, 16})
  void shouldLetEveryConsumerHaveOneReplyComing(int consumers) {
    assertThat(FleetFactoring.replyPrefetch(CONFIRM_WINDOW, 100_000, consumers)).isEqualTo(1);
  }
}
