package io.factorfleet.wire;

/** A message, which says in its header which schema version it is written in and its job. */
interface WireMessage {
  int version();

  String job();
}
