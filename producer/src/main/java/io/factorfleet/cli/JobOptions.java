package io.factorfleet.cli;

import io.factorfleet.text.NumberParser;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How a job's input is read and cut into tasks; shared by {@code factor} and {@code submit}. */
final class JobOptions {
  @Option(
      names = "--chunk-size",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Numbers per task, at most 10000 (a task also ends at 200,000 digits); 0 sizes tasks"
              + " to about 50 ms of factoring each, learned from the workers' timings (fleet"
              + " submit, which sees no results, counts each number as the hardest of its size"
              + " instead)"
              + " (env FLEET_CHUNK_SIZE, default: ${DEFAULT-VALUE}).")
  int chunkSize;

  /** How long a lost connection may take to come back before factor or submit gives up. */
  static final Duration RECONNECT_PATIENCE = Duration.ofMinutes(2);

  @Option(
      names = "--max-digits",
      paramLabel = "N",
      defaultValue = "" + NumberParser.DEFAULT_MAX_DIGITS,
      description =
          "Longest number accepted; longer ones are reported as errors"
              + " (env FLEET_MAX_DIGITS, default: ${DEFAULT-VALUE}).")
  int maxDigits;

  @Option(
      names = "--confirm-window",
      paramLabel = "N",
      defaultValue = "64",
      description =
          "Tasks published but not yet confirmed by the broker, at most"
              + " (env FLEET_CONFIRM_WINDOW, default: ${DEFAULT-VALUE}).")
  int confirmWindow;
}
