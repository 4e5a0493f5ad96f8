package io.factorfleet.coordinator;

import io.factorfleet.wire.UnitMessage;
import io.factorfleet.wire.UnitResultMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A fleet whose worker w1 refuses every unit handed out, giving {@code reason}, and that records
 * each units-done as "job/number below id".
 */
final class RefusingFleet implements UnitSender {
  private final String reason;
  private final List<String> done = new CopyOnWriteArrayList<>();
  private volatile Consumer<UnitResultMessage> coordinator;

  RefusingFleet(String reason) {
    this.reason = reason;
  }

  /** Where the refusals go: the coordinator or splitter the units came from. */
  void answerTo(Consumer<UnitResultMessage> coordinator) {
    this.coordinator = coordinator;
  }

  /** The units-done sent, each as "job/number below id". */
  List<String> done() {
    return done;
  }

  @Override
  public void send(UnitMessage unit) {
    coordinator.accept(
        UnitResultMessage.refused(unit.job(), unit.number(), unit.unit(), "w1", reason));
  }

  @Override
  public void unitsDone(String job, long number, long below) {
    done.add(job + "/" + number + " below " + below);
  }
}
