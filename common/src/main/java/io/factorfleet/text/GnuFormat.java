package io.factorfleet.text;

import java.util.List;

/** Writes factorizations exactly as GNU coreutils {@code factor} prints them. */
public final class GnuFormat {
  private GnuFormat() {}

  /** {@code "12: 2 2 3"}; {@code "1:"} when there are no factors. No line terminator. */
  public static String line(String number, List<String> primes) {
    StringBuilder line = new StringBuilder(number.length() * 2 + 2).append(number).append(':');
    for (String p : primes) {
      line.append(' ').append(p);
    }
    return line.toString();
  }
}
