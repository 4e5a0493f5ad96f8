package io.factorfleet.wire;

/** A message body that cannot be decoded; the message says what is wrong with it. */
public final class WireFormatException extends Exception {
  public WireFormatException(String message) {
    super(message);
  }

  public WireFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
