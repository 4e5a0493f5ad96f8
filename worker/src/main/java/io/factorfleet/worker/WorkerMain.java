package io.factorfleet.worker;

import io.factorfleet.settings.ServiceMain;

/** Entry point of {@code fleet-worker.jar}: wires the real environment, streams and signals. */
public final class WorkerMain {
  private WorkerMain() {}

  public static void main(String[] args) {
    WorkerCommand command = new WorkerCommand();
    ServiceMain.run(command, command::requestStop, args);
  }
}
