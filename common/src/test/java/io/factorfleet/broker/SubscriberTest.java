package io.factorfleet.broker;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Planning a subscriber: each setting is checked at once, with a message saying what is wrong. */
class SubscriberTest {
  @Test
  void shouldRefuseFewerThanOneConsumer() {
    assertThatThrownBy(() -> Subscriber.to("q").withConsumers(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("at least one consumer is needed, got 0");
  }

  @Test
  void shouldRefuseAPrefetchTheBrokerCannotTake() {
    assertThatThrownBy(() -> Subscriber.to("q").withPrefetch(65536))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("prefetch must be 0 to 65535, got 65536");
  }

  @Test
  void shouldRefuseToConsumeNoQueue() {
    assertThatThrownBy(() -> Subscriber.to(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a queue to consume is needed");
  }
}
