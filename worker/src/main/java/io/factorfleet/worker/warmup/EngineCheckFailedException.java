package io.factorfleet.worker.warmup;

/** The engine answered a number of the warm-up sample wrongly: the worker must not take tasks. */
public final class EngineCheckFailedException extends Exception {
  public EngineCheckFailedException(String message) {
    super(message);
  }
}
