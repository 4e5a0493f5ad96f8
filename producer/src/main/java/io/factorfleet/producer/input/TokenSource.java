package io.factorfleet.producer.input;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;

/** The words of the input, one at a time, never all at once. */
public interface TokenSource {
  /** The next token, or null at the end. */
  String next() throws IOException;

  /**
   * Tokens given as command-line arguments: as GNU {@code factor} does, each argument is one token,
   * leading spaces aside.
   */
  static TokenSource of(List<String> arguments) {
    Iterator<String> args = arguments.iterator();
    return () -> args.hasNext() ? args.next().replaceFirst("^ +", "") : null;
  }
}
