package io.factorfleet.coordinator;

/** A worker refused a unit of a hard number, which the fleet then gives up on with the reason. */
final class UnitRefusedException extends RuntimeException {
  UnitRefusedException(String message) {
    super(message);
  }
}
