package io.factorfleet.settings;

import java.io.PrintWriter;
import sun.misc.Signal;

/**
 * The {@code main} of a long-running Factor Fleet service: the real environment and streams, and
 * SIGTERM (docker stop, scale-down) and SIGINT turned into a graceful stop, after which the
 * service's command returns and the process exits with its status, 0 when all went well.
 */
public final class ServiceMain {
  private ServiceMain() {}

  public static void run(Object command, Runnable requestStop, String[] args) {
    Signal.handle(new Signal("TERM"), signal -> requestStop.run());
    Signal.handle(new Signal("INT"), signal -> requestStop.run());
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
