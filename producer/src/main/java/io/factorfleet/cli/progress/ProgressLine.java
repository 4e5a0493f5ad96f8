package io.factorfleet.cli.progress;

import java.time.Duration;
import java.util.Locale;

/**
 * The text of a progress line: numbers done and their rate, and, when the job's size is known, a
 * bar, the share done and the time left. Pure, so that it can be checked at any width.
 */
public final class ProgressLine {
  /** Below this many columns a bar says nothing; the numbers alone are shown. */
  private static final int MIN_BAR = 10;

  private ProgressLine() {}

  /**
   * @param done numbers answered so far
   * @param total numbers in the job, or a negative number when unknown (read from standard input)
   * @param elapsed time since the job started
   * @param width columns of the terminal; the line takes at most one less, so that it never wraps
   */
  public static String render(long done, long total, Duration elapsed, int width) {
    double seconds = Math.max(elapsed.toNanos() / 1e9, 1e-3);
    double rate = done / seconds;
    String text;
    if (total < 0) {
      text = count(done) + " numbers  " + count(Math.round(rate)) + "/s  " + clock(seconds);
    } else {
      long percent = total == 0 ? 100 : Math.min(100, done * 100 / total);
      String eta = rate <= 0 ? "--:--" : clock(Math.max(0, total - done) / rate);
      text =
          count(done)
              + "/"
              + count(total)
              + "  "
              + percent
              + "%  "
              + count(Math.round(rate))
              + "/s  ETA "
              + eta;
      int barWidth = width - 1 - text.length() - 3;
      if (barWidth >= MIN_BAR) {
        int filled = (int) (barWidth * percent / 100);
        text = "[" + "#".repeat(filled) + "-".repeat(barWidth - filled) + "] " + text;
      }
    }
    return text.length() < width ? text : text.substring(0, Math.max(0, width - 1));
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
