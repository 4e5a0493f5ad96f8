package io.factorfleet.testing;

import java.util.List;
import java.util.stream.Stream;

/**
 * Input tokens at the edges of the parsers' fast path, which reads a token straight into a long
 * when it is at most 19 digits (sign and leading zeros aside) and below 2^63. Every parser with
 * such a path is checked against the same lists.
 */
public final class EdgeTokens {
  private EdgeTokens() {}

  /** Tokens the fast path reads: its value is that of the general path. */
  public static final List<String> ON_FAST_PATH =
      List.of(
          "0",
          "7",
          "+5",
          "007",
          "999999999999999999",
          "1000000000000000000",
          "9223372036854775807",
          "+09223372036854775807",
          "00000000000000000000001",
          "00000000000000000000042");

  /** Tokens the fast path leaves to the general one: not numbers, negative, or 2^63 and above. */
  public static final List<String> OFF_FAST_PATH =
      List.of(
          "",
          "+",
          "abc",
          "-3",
          "12\r",
          "١٢",
          "9223372036854775808",
          "9999999999999999999",
          "10000000000000000000",
          "18446744073709551617");

  /** Both lists, in one. */
  public static List<String> all() {
    return Stream.concat(ON_FAST_PATH.stream(), OFF_FAST_PATH.stream()).toList();
  }
}
