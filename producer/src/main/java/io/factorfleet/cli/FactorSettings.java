package io.factorfleet.cli;

import io.factorfleet.broker.BrokerSettings;
import io.factorfleet.cli.output.OutputFormat;
import io.factorfleet.producer.BatchSizer;
import io.factorfleet.topology.Topology;

/**
 * The settings of one {@code fleet factor} run, validated once.
 *
 * @param broker where the broker is; null with {@code --local}
 * @param topology the queues
 * @param threads with {@code --local}, factoring threads, and the sieve threads of one hard number;
 *     through the fleet, reply consumers
 * @param chunkSize numbers per task; 0 to size tasks by their factoring time
 * @param maxDigits longest number accepted
 * @param confirmWindow tasks published but unconfirmed, at most
 * @param maxInFlight tasks sent but not printed, at most; 0 to size it from the fleet
 * @param format how factored numbers are printed
 * @param exponents whether a repeated factor is printed once as {@code p^e}; GNU format only
 */
record FactorSettings(
    BrokerSettings broker,
    Topology topology,
    int threads,
    int chunkSize,
    int maxDigits,
    int confirmWindow,
    int maxInFlight,
    OutputFormat format,
    boolean exponents) {
  FactorSettings {
    requireRange(threads, 1, 1024, "threads");
    requireRange(chunkSize, 0, BatchSizer.MAX_SIZE, "chunk size");
    requireRange(maxDigits, 1, 100_000, "max digits");
    requireRange(confirmWindow, 1, 100_000, "confirm window");
    requireRange(maxInFlight, 0, 1_000_000, "max in flight");
    if (broker == null && format == OutputFormat.CSV) {
      throw new IllegalArgumentException(
          "--format=csv needs the fleet; --local prints the gnu and jsonl formats only");
    }
    if (exponents && !format.takesExponents()) {
      throw new IllegalArgumentException(
          "--exponents is for --format=gnu only; --format="
              + format.name().toLowerCase(java.util.Locale.ROOT)
              + " lists every factor as often as it divides, for programs to read");
    }
  }

  static void requireRange(int value, int min, int max, String what) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          what + " must be " + min + " to " + max + ", got " + value);
    }
  }
}
