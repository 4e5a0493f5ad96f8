package io.factorfleet.text;

import java.util.List;

/**
 * Writes factorizations exactly as GNU coreutils {@code factor} prints them: the number, a colon,
 * and each prime factor after a space. The only place that layout is spelled out.
 */
public final class GnuFormat {
  private GnuFormat() {}

  /** {@code "12: 2 2 3"}; {@code "1:"} when there are no factors. No line terminator. */
  public static String line(String number, List<String> primes) {
    LineBuffer line = new LineBuffer(number.length() * 2 + 2);
    appendLine(number, primes, line);
    return line.toString();
  }

  /** Appends the line of {@link #line(String, List)} to {@code into}, without its terminator. */
  public static void appendLine(String number, List<String> primes, LineBuffer into) {
    into.ascii(number).put(':');
    appendFactors(primes, into);
  }

  /** {@link #appendLine(String, List, LineBuffer)} for a number kept as a long, below 2^63. */
  public static void appendLine(long number, List<String> primes, LineBuffer into) {
    into.unsigned(number).put(':');
    appendFactors(primes, into);
  }

  private static void appendFactors(List<String> primes, LineBuffer into) {
    if (primes instanceof UnsignedDecimals values) {
      for (int i = 0; i < values.size(); i++) {
        into.put(' ').unsigned(values.unsigned(i));
      }
      return;
    }
    for (String p : primes) {
      into.put(' ').ascii(p);
    }
  }

  /**
   * Appends the line of the unsigned {@code number} whose factors are the first {@code count} of
   * {@code primes} (unsigned too), without its terminator.
   */
  public static void appendLine(long number, long[] primes, int count, LineBuffer into) {
    into.unsigned(number).put(':');
    for (int i = 0; i < count; i++) {
      into.put(' ').unsigned(primes[i]);
    }
  }
}
