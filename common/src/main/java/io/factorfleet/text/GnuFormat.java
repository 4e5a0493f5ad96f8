package io.factorfleet.text;

import java.util.List;

/**
 * Writes factorizations exactly as GNU coreutils {@code factor} prints them: the number, a colon,
 * and each prime factor after a space; with {@code -h} ({@code --exponents}), a factor that divides
 * the number {@code e > 1} times once, as {@code p^e}. The only place that layout is spelled out.
 * Factors come in ascending order, so the repeats of a prime are next to each other.
 */
public final class GnuFormat {
  /** Every factor as often as it divides: {@code 3000: 2 2 2 3 5 5 5}. */
  public static final GnuFormat EVERY_FACTOR = new GnuFormat(false);

  /** Repeated factors as {@code p^e}, as {@code factor -h}: {@code 3000: 2^3 3 5^3}. */
  public static final GnuFormat EXPONENTS = new GnuFormat(true);

  private final boolean exponents;

  private GnuFormat(boolean exponents) {
    this.exponents = exponents;
  }

  /** {@link #EXPONENTS} when {@code exponents}, else {@link #EVERY_FACTOR}. */
  public static GnuFormat of(boolean exponents) {
    return exponents ? EXPONENTS : EVERY_FACTOR;
  }

  /** {@code "12: 2 2 3"}; {@code "1:"} when there are no factors. No line terminator. */
  public String line(String number, List<String> primes) {
    LineBuffer line = new LineBuffer(number.length() * 2 + 2);
    appendLine(number, primes, line);
    return line.toString();
  }

  /** Appends the line of {@link #line(String, List)} to {@code into}, without its terminator. */
  public void appendLine(String number, List<String> primes, LineBuffer into) {
    into.ascii(number).put(':');
    appendFactors(primes, into);
  }

  /** {@link #appendLine(String, List, LineBuffer)} for a number kept as a long, below 2^63. */
  public void appendLine(long number, List<String> primes, LineBuffer into) {
    into.unsigned(number).put(':');
    appendFactors(primes, into);
  }

  private void appendFactors(List<String> primes, LineBuffer into) {
    if (primes instanceof UnsignedDecimals values) {
      for (int i = 0; i < values.size(); ) {
        int repeats = exponents ? repeats(values, i) : 1;
        into.put(' ').unsigned(values.unsigned(i));
        appendExponent(repeats, into);
        i += repeats;
      }
      return;
    }
    for (int i = 0; i < primes.size(); ) {
      String p = primes.get(i);
      int repeats = 1;
      while (exponents && i + repeats < primes.size() && primes.get(i + repeats).equals(p)) {
        repeats++;
      }
      into.put(' ').ascii(p);
      appendExponent(repeats, into);
      i += repeats;
    }
  }

  /**
   * Appends the line of the unsigned {@code number} whose factors are the first {@code count} of
   * {@code primes} (unsigned too), without its terminator.
   */
  public void appendLine(long number, long[] primes, int count, LineBuffer into) {
    into.unsigned(number).put(':');
    for (int i = 0; i < count; ) {
      int repeats = 1;
      while (exponents && i + repeats < count && primes[i + repeats] == primes[i]) {
        repeats++;
      }
      into.put(' ').unsigned(primes[i]);
      appendExponent(repeats, into);
      i += repeats;
    }
  }

  private static int repeats(UnsignedDecimals values, int from) {
    int repeats = 1;
    while (from + repeats < values.size()
        && values.unsigned(from + repeats) == values.unsigned(from)) {
      repeats++;
    }
    return repeats;
  }

  /** {@code ^e} after a factor that divides {@code e} times, when that is more than once. */
  private static void appendExponent(int repeats, LineBuffer into) {
    if (repeats > 1) {
      into.put('^').unsigned(repeats);
    }
  }
}
