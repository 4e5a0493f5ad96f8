package io.factorfleet.text;

/** A token that is not a number Factor Fleet can factor; the message is the user-facing reason. */
public final class InvalidNumberException extends IllegalArgumentException {
  private final String token;

  public InvalidNumberException(String token, String message) {
    super(message);
    this.token = token;
  }

  /** The offending input, as given. */
  public String token() {
    return token;
  }
}
