package io.factorfleet.coordinator;

import io.factorfleet.wire.UnitMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The units of one number out on the fleet and the lease of each: a unit not answered within its
 * lease is handed out again. Units are idempotent, so a late first answer is as good as the second.
 * Not thread-safe: the coordinator's thread alone uses it.
 */
final class UnitLedger {

  private record Issued(UnitMessage unit, long leaseEnd) {}

  private final Map<Long, Issued> out = new LinkedHashMap<>();
  private final LongSupplier nanoClock;

  UnitLedger(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  /** Records a unit handed out with a lease of {@code leaseNanos}. */
  void issued(UnitMessage unit, long leaseNanos) {
    out.put(unit.unit(), new Issued(unit, nanoClock.getAsLong() + leaseNanos));
  }

  /** The unit answered, no longer out; null when it was not (answered before, or dropped). */
  UnitMessage answered(long unit) {
    Issued issued = out.remove(unit);
    return issued == null ? null : issued.unit();
  }

  /** Units out and not answered. */
  int size() {
    return out.size();
  }

  boolean isEmpty() {
    return out.isEmpty();
  }

  /** Forgets every unit out: their answers, if they come, are no longer waited for. */
  void clear() {
    out.clear();
  }

  /** The units whose lease has run out, to hand out again; they stay out until then. */
  List<UnitMessage> expired() {
    long now = nanoClock.getAsLong();
    List<UnitMessage> late = new ArrayList<>();
    for (Issued issued : out.values()) {
      if (now - issued.leaseEnd() > 0) {
        late.add(issued.unit());
      }
    }
    return late;
  }
}
