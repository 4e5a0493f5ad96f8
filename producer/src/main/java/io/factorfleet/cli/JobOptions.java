package io.factorfleet.cli;

import io.factorfleet.text.NumberParser;
import picocli.CommandLine.Option;

/** How a job's input is read and cut into tasks; shared by {@code factor} and {@code submit}. */
final class JobOptions {
  @Option(
      names = "--chunk-size",
      paramLabel = "N",
      defaultValue = "100",
      description = "Numbers per task (env FLEET_CHUNK_SIZE, default: ${DEFAULT-VALUE}).")
  int chunkSize;

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
