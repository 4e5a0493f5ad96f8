package io.factorfleet.text;

import java.math.BigInteger;

/**
 * Reads decimal numbers the way GNU {@code factor} does: an optional leading {@code +}, then ASCII
 * digits; leading zeros are allowed and dropped. Anything else is not a valid positive integer.
 * Numbers longer than the digit limit are refused rather than left to run forever.
 */
public final class NumberParser {
  /** The digit limit used when none is configured. */
  public static final int DEFAULT_MAX_DIGITS = 100;

  /**
   * Significant digits the fast paths read at most: any 19 digits fit in 64 bits unsigned, so the
   * values from 2^63 up, which do not fit a long, show as negative and are left to the general
   * path.
   */
  public static final int SMALL_DIGITS = 19;

  /** Any this many digits fit in a long, so {@link Long#parseLong} of them cannot overflow. */
  private static final int LONG_DIGITS = 18;

  private final int maxDigits;

  public NumberParser(int maxDigits) {
    if (maxDigits < 1) {
      throw new IllegalArgumentException("max digits must be at least 1, got " + maxDigits);
    }
    this.maxDigits = maxDigits;
  }

  public int maxDigits() {
    return maxDigits;
  }

  /**
   * Parses one token.
   *
   * @throws InvalidNumberException with a message fit to show the user
   */
  public BigInteger parse(String token) {
    int firstNonZero = firstSignificantDigit(token);
    if (firstNonZero < 0) {
      return BigInteger.ZERO;
    }
    if (token.length() - firstNonZero <= LONG_DIGITS) {
      return BigInteger.valueOf(Long.parseLong(token, firstNonZero, token.length(), 10));
    }
    return new BigInteger(token.substring(firstNonZero));
  }

  /**
   * Where the significant digits of a valid token start, or -1 when its value is zero.
   *
   * @throws InvalidNumberException when the token is not a positive integer of at most the limit
   */
  private int firstSignificantDigit(String token) {
    int start = token.startsWith("+") ? 1 : 0;
    if (start == token.length()) {
      throw notAPositiveInteger(token);
    }
    int firstNonZero = -1;
    for (int i = start; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c < '0' || c > '9') {
        throw notAPositiveInteger(token);
      }
      if (firstNonZero < 0 && c != '0') {
        firstNonZero = i;
      }
    }
    int digits = firstNonZero < 0 ? 1 : token.length() - firstNonZero;
    if (digits > maxDigits) {
      throw new InvalidNumberException(
          token,
          "'" + abbreviate(token) + "' has " + digits + " digits, over the limit of " + maxDigits);
    }
    return firstNonZero;
  }

  /**
   * The fast path for the common case: the value of a token that {@link #parse} would accept and
   * that fits in a long (below 2^63), or -1 for any other token (which {@link #parse} then
   * handles).
   */
  public long parseSmall(String token) {
    int length = token.length();
    int i = length > 0 && token.charAt(0) == '+' ? 1 : 0;
    if (i == length) {
      return -1;
    }
    while (i < length - 1 && token.charAt(i) == '0') {
      i++;
    }
    if (length - i > Math.min(SMALL_DIGITS, maxDigits)) {
      return -1;
    }
    return digitsValue(token, i);
  }

  /**
   * The value of {@code text} when it is written as Factor Fleet writes numbers (digits only, no
   * leading zero) and fits in a long (below 2^63); -1 otherwise. For checking what others wrote,
   * where {@link #parseSmall} reads what users typed.
   */
  public static long parseSmallCanonical(String text) {
    int length = text.length();
    if (length == 0 || length > SMALL_DIGITS || (length > 1 && text.charAt(0) == '0')) {
      return -1;
    }
    return digitsValue(text, 0);
  }

  /**
   * {@link #parseSmallCanonical(String)} of the {@code length} characters of {@code chars} from
   * {@code offset} on, such as a JSON parser's buffer, without making a {@code String} of them.
   */
  public static long parseSmallCanonical(char[] chars, int offset, int length) {
    if (length == 0 || length > SMALL_DIGITS || (length > 1 && chars[offset] == '0')) {
      return -1;
    }
    long value = 0;
    for (int i = offset; i < offset + length; i++) {
      int digit = chars[i] - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value < 0 ? -1 : value;
  }

  /**
   * The value of the decimal digits of {@code text} from {@code from} on (at most {@link
   * #SMALL_DIGITS} of them), or -1 for a non-digit or a value of 2^63 or more.
   */
  private static long digitsValue(String text, int from) {
    long value = 0;
    for (int i = from; i < text.length(); i++) {
      int digit = text.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value < 0 ? -1 : value;
  }

  /**
   * The token as Factor Fleet writes numbers: decimal digits without sign or leading zeros.
   *
   * @throws InvalidNumberException as {@link #parse} does
   */
  public String canonical(String token) {
    long small = parseSmall(token);
    if (small >= 0) {
      return canonical(token, small);
    }
    int firstNonZero = firstSignificantDigit(token);
    return firstNonZero < 0 ? "0" : token.substring(firstNonZero);
  }

  /** The canonical text of a token {@link #parseSmall} read as {@code value}. */
  public static String canonical(String token, long value) {
    boolean alreadyCanonical =
        token.charAt(0) != '+' && (token.charAt(0) != '0' || token.length() == 1);
    return alreadyCanonical ? token : Long.toString(value);
  }

  private static InvalidNumberException notAPositiveInteger(String token) {
    return new InvalidNumberException(
        token, "'" + abbreviate(token) + "' is not a valid positive integer");
  }

  /**
   * Keeps error lines readable and on one line: control characters are escaped, and a megabyte of
   * garbage given as one token is cut short.
   */
  private static String abbreviate(String token) {
    String shown = token.length() <= 120 ? token : token.substring(0, 100);
    StringBuilder escaped = new StringBuilder(shown.length() + 16);
    for (int i = 0; i < shown.length(); i++) {
      char c = shown.charAt(i);
      switch (c) {
        case '\t' -> escaped.append("\\t");
        case '\n' -> escaped.append("\\n");
        case '\r' -> escaped.append("\\r");
        case 0x0b -> escaped.append("\\v");
        case '\f' -> escaped.append("\\f");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            escaped.append(String.format("\\x%02x", (int) c));
          } else {
            escaped.append(c);
          }
        }
      }
    }
    if (shown.length() < token.length()) {
      escaped.append("...(").append(token.length()).append(" characters)");
    }
    return escaped.toString();
  }
}
