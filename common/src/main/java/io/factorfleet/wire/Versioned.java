package io.factorfleet.wire;

/** A message that says which schema version it was written in. */
interface Versioned {
  int version();
}
