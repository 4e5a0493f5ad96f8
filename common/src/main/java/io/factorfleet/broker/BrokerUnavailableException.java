package io.factorfleet.broker;

/** The broker cannot be reached or refused us; the message names it without the password. */
public final class BrokerUnavailableException extends Exception {
  public BrokerUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
