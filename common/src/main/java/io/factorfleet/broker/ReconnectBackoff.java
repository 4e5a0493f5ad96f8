package io.factorfleet.broker;

import com.rabbitmq.client.RecoveryDelayHandler;
import java.time.Duration;
import java.util.Random;

/**
 * How long to wait before trying the broker again: exponential backoff with equal jitter. Before
 * attempt {@code n} (counted from 0) the ceiling is {@code initial × 2^n}, at most {@code cap}, and
 * the wait is drawn at random between half the ceiling and all of it. The wait grows, so that a
 * broker coming back is not met by a storm of connections, and it is spread, so that clients that
 * lost the broker at the same moment do not all come back in step.
 *
 * <p>It serves as the RabbitMQ client's {@link RecoveryDelayHandler}, which asks for attempt 0
 * before the first reconnection and for attempt {@code n} after the {@code n}th has failed.
 */
public final class ReconnectBackoff implements RecoveryDelayHandler {
  /** The ceiling of the first wait: half a second, so that a brief outage is bridged promptly. */
  public static final Duration INITIAL = Duration.ofMillis(500);

  /** The highest ceiling: however long the broker has been gone, a wait is at most this. */
  public static final Duration CAP = Duration.ofSeconds(30);

  private final long initialMillis;
  private final long capMillis;
  private final Random random;

  /** The backoff every Factor Fleet connection uses: 0.5 s doubling up to 30 s. */
  public ReconnectBackoff() {
    this(INITIAL, CAP, new Random());
  }

  /**
   * @param initial the ceiling of the wait before attempt 0, at least a millisecond
   * @param cap the highest ceiling, at least {@code initial}
   * @param random where the jitter comes from; seeded in tests
   */
  public ReconnectBackoff(Duration initial, Duration cap, Random random) {
    if (initial == null || initial.toMillis() < 1) {
      throw new IllegalArgumentException("initial backoff must be at least 1 ms, got " + initial);
    }
    if (cap == null || cap.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "backoff cap must be at least the initial " + initial + ", got " + cap);
    }
    this.initialMillis = initial.toMillis();
    this.capMillis = cap.toMillis();
    this.random = random;
  }

  /** The longest wait before attempt {@code attempt}: the initial one doubled, up to the cap. */
  public Duration ceiling(int attempt) {
    return Duration.ofMillis(ceilingMillis(attempt));
  }

  /** The wait before attempt {@code attempt}: between half the ceiling and the ceiling. */
  public Duration delay(int attempt) {
    long ceiling = ceilingMillis(attempt);
    long half = ceiling / 2;
    return Duration.ofMillis(ceiling - half + random.nextLong(half + 1));
  }

  @Override
  public long getDelay(int recoveryAttempts) {
    return delay(recoveryAttempts).toMillis();
  }

  private long ceilingMillis(int attempt) {
    if (attempt < 0) {
      throw new IllegalArgumentException("attempt must not be negative, got " + attempt);
    }
    // Doubling stops at the cap, long before a shift could overflow.
    long ceiling = initialMillis;
    for (int i = 0; i < attempt && ceiling < capMillis; i++) {
      ceiling *= 2;
    }
    return Math.min(ceiling, capMillis);
  }
}
