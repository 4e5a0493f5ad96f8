package io.factorfleet.cli.results;

/** The aggregator service did not answer, or answered what this build cannot read. */
public final class ResultsUnavailableException extends Exception {
  public ResultsUnavailableException(String message) {
    super(message);
  }

  public ResultsUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
