package io.factorfleet.worker;

import io.factorfleet.settings.CommandLines;
import java.io.PrintWriter;
import sun.misc.Signal;

/** Entry point of {@code fleet-worker.jar}: wires the real environment, streams and signals. */
public final class WorkerMain {
  private WorkerMain() {}

  public static void main(String[] args) {
    WorkerCommand command = new WorkerCommand();
    // SIGTERM (docker stop, scale down) and SIGINT drain the worker and exit 0.
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
