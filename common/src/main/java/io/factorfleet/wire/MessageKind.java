package io.factorfleet.wire;

import java.util.Optional;

/** What a message is, carried in the AMQP {@code type} property. */
public enum MessageKind {
  TASK("fleet.task"),
  RESULT("fleet.result"),
  SEAL("fleet.seal"),
  /** A unit of work on one hard number, on the task queue beside tasks. */
  UNIT("fleet.unit"),
  /** A worker's answer to a unit. */
  UNIT_RESULT("fleet.unit-result"),
  /**
   * A task of a submitted job holding one hard number, sent to the aggregator service's result
   * queue for the service to split over the fleet instead of to a worker.
   */
  HARD_NUMBER("fleet.hard-number");

  private final String type;

  MessageKind(String type) {
    this.type = type;
  }

  /** The value of the AMQP {@code type} property. */
  public String type() {
    return type;
  }

  public static Optional<MessageKind> fromType(String type) {
    for (MessageKind kind : values()) {
      if (kind.type.equals(type)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
