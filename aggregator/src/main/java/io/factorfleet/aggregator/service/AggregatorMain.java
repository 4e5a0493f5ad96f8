package io.factorfleet.aggregator.service;

import io.factorfleet.settings.CommandLines;
import java.io.PrintWriter;
import sun.misc.Signal;

/** Entry point of {@code fleet-aggregator.jar}: wires the real environment, streams and signals. */
public final class AggregatorMain {
  private AggregatorMain() {}

  public static void main(String[] args) {
    AggregatorCommand command = new AggregatorCommand();
    Signal.handle(new Signal("TERM"), signal -> command.requestStop());
    Signal.handle(new Signal("INT"), signal -> command.requestStop());
    int status =
        CommandLines.create(
                command,
                System.getenv(),
                new PrintWriter(System.out, true),
                new PrintWriter(System.err, true))
            .execute(args);
    System.exit(status);
  }
}
