package io.factorfleet.broker;

/** The broker cannot be reached or refused us; the message names it, its password masked. */
public final class BrokerUnavailableException extends Exception {
  public BrokerUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
