package io.factorfleet.aggregator.service;

import io.factorfleet.settings.ServiceMain;

/** Entry point of {@code fleet-aggregator.jar}: wires the real environment, streams and signals. */
public final class AggregatorMain {
  private AggregatorMain() {}

  public static void main(String[] args) {
    AggregatorCommand command = new AggregatorCommand();
    ServiceMain.run(command, command::requestStop, args);
  }
}
