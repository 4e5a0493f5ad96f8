package io.factorfleet.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigInteger;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class HardNumbersTest {
  private static final BigInteger SIXTY_DIGITS =
      new BigInteger("19668001718030915780293869182311311761422894541729616032093");
  private static final long MILLI = 1_000_000;

  private final AtomicLong clock = new AtomicLong(5_000 * MILLI);
  private final HardNumbers hardNumbers = new HardNumbers(clock::get);

  @Test
  void shouldShowNothingUntilTheNumberHasTakenMoreThanASecond() {
    HardNumbers.Watch watch = hardNumbers.watch(SIXTY_DIGITS);
    watch.ecmCurves(196, 12);
    clock.addAndGet(1_000 * MILLI);

    assertThat(hardNumbers.line(80)).isEmpty();

    clock.addAndGet(1);
    assertThat(hardNumbers.line(80)).isEqualTo("59-digit number: ECM 12 curves");
  }

  @Test
  void shouldFollowTheEngineFromEcmToTheSieveToTheMatrix() {
    HardNumbers.Watch watch = hardNumbers.watch(SIXTY_DIGITS);
    clock.addAndGet(2_000 * MILLI);

    watch.ecmCurves(196, 123);
    assertThat(hardNumbers.line(80)).isEqualTo("59-digit number: ECM 123 curves");
    watch.sieveRelations(196, 1_500, 2_230);
    assertThat(hardNumbers.line(80)).isEqualTo("59-digit number: sieving 1,500/2,230 relations");
    watch.sieveMatrix(196, 2_166, 2_232);
    assertThat(hardNumbers.line(80)).isEqualTo("59-digit number: matrix 2,166 x 2,232");
  }

  @Test
  void shouldShowNothingOnceTheNumberIsDone() {
    try (HardNumbers.Watch watch = hardNumbers.watch(SIXTY_DIGITS)) {
      watch.sieveRelations(196, 10, 20);
      clock.addAndGet(3_000 * MILLI);
      assertThat(hardNumbers.line(80)).isNotEmpty();
    }

    assertThat(hardNumbers.line(80)).isEmpty();
  }

  @Test
  void shouldShowTheNumberWatchedLongestAmongThoseTheEngineReportedOn() {
    HardNumbers.Watch silent = hardNumbers.watch(BigInteger.TEN.pow(70));
    clock.addAndGet(100 * MILLI);
    HardNumbers.Watch older = hardNumbers.watch(SIXTY_DIGITS);
    clock.addAndGet(100 * MILLI);
    HardNumbers.Watch newer = hardNumbers.watch(BigInteger.TEN.pow(40));
    clock.addAndGet(2_000 * MILLI);

    newer.ecmCurves(133, 7);
    older.sieveRelations(196, 1, 2);

    assertThat(hardNumbers.line(80)).isEqualTo("59-digit number: sieving 1/2 relations");
    older.close();
    assertThat(hardNumbers.line(80)).isEqualTo("41-digit number: ECM 7 curves");
    silent.close();
    newer.close();
  }

  @Test
  void shouldDrawTheEnginesReportOnTheStatusLineAndTakeItAwayWhenTheNumberIsDone()
      throws Exception {
    StringWriter terminal = new StringWriter();
    StatusLine status = StatusLine.on(terminal, 60, -1);
    HardNumbers.Watch watch = hardNumbers.watch(SIXTY_DIGITS);
    watch.sieveRelations(196, 1_500, 2_230);
    clock.addAndGet(1_500 * MILLI);

    status.start(hardNumbers::line);
    Awaitility.await().until(() -> terminal.toString().contains("relations"));
    watch.close();
    String blank = "\r" + " ".repeat(59) + "\r";
    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> terminal.toString().endsWith(blank));
    status.close();

    assertThat(terminal.toString())
        .startsWith("\r59-digit number: sieving 1,500/2,230 relations")
        .endsWith(blank);
  }
}
