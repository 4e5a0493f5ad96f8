package io.factorfleet.cli.status;

/** The management API did not answer, or not as the API does; the message says why, briefly. */
public final class ManagementApiException extends Exception {
  public ManagementApiException(String reason) {
    super(reason);
  }

  public ManagementApiException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
