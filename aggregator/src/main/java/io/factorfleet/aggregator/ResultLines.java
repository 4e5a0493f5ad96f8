package io.factorfleet.aggregator;

import io.factorfleet.text.GnuFormat;
import io.factorfleet.wire.NumberResult;

/** How one number's answer reads to a user: a GNU {@code factor} line, or an error message. */
public final class ResultLines {
  private ResultLines() {}

  /** The {@code factor}-style line of a complete result. */
  public static String factorLine(NumberResult result) {
    return GnuFormat.EVERY_FACTOR.line(result.n(), result.factors());
  }

  /** The error message of a refused or partial result, without the program's name. */
  public static String errorMessage(NumberResult result) {
    if (result.isRefused()) {
      return result.error();
    }
    return "'"
        + result.n()
        + "' was not fully factored within the time budget: found "
        + (result.factors().isEmpty() ? "no factors" : String.join(" ", result.factors()))
        + ", composite "
        + result.cofactor()
        + " left";
  }
}
