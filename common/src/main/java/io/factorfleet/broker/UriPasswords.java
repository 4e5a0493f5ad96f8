package io.factorfleet.broker;

import java.util.regex.Pattern;

/**
 * The one place where URIs are made fit to show: every broker or management URI that reaches help,
 * an error message or a log line goes through {@link #mask}, which keeps the user and replaces the
 * password: {@code amqp://fleet:****@rabbitmq:5672/%2F}.
 */
public final class UriPasswords {
  /** What a password is shown as. */
  public static final String MASK = "****";

  /**
   * A URI's scheme, user and colon, then its password: everything up to the last {@code @} before
   * white space or the next {@code ://}, so that a password holding an {@code @} that should have
   * been written {@code %40} is masked whole, and a list of URIs is masked one by one.
   */
  private static final Pattern PASSWORD =
      Pattern.compile("(\\b[A-Za-z][A-Za-z0-9+.\\-]*://[^:@/?#\\s]*:)(?:(?!://)\\S)*@");

  private UriPasswords() {}

  /**
   * {@code text} with the password of every URI in it masked; a URI without password, and any other
   * text, stay as they are.
   */
  public static String mask(String text) {
    if (text == null || !text.contains("://")) {
      return text;
    }
    return PASSWORD.matcher(text).replaceAll("$1" + MASK + "@");
  }
}
