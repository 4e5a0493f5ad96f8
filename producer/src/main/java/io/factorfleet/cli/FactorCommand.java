package io.factorfleet.cli;

import io.factorfleet.broker.BrokerUnavailableException;
import io.factorfleet.cli.local.LocalFactoring;
import io.factorfleet.cli.output.OutputFormat;
import io.factorfleet.cli.progress.HardNumbers;
import io.factorfleet.cli.progress.StatusLine;
import io.factorfleet.producer.BatchSizer;
import io.factorfleet.producer.input.TokenReader;
import io.factorfleet.producer.input.TokenSource;
import io.factorfleet.settings.BrokerOptions;
import io.factorfleet.text.GnuFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code fleet factor}: factors numbers and prints them as GNU {@code factor} does. */
@Command(
    name = "factor",
    version = FleetCommand.VERSION,
    description = {
      "Prints the prime factors of each NUMBER, or of each number read from standard input when"
          + " none is given, exactly as GNU factor does.",
      "Numbers are factored by the fleet's workers through RabbitMQ, or in this process with"
          + " --local."
    },
    exitCodeListHeading = "Exit status:%n",
    exitCodeList = {
      "0:every number was factored",
      "1:some input was not a valid positive integer, or not fully factored",
      "2:RabbitMQ could not be reached, or the connection was lost for good",
      "130:the job was cancelled (fleet cancel, or Ctrl-C)",
      "64:bad command line"
    })
public final class FactorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ParentCommand FleetCommand fleet;

  @Mixin BrokerOptions brokerOptions;

  @Mixin JobOptions jobOptions;

  // Declared by hand rather than by mixinStandardHelpOptions, which would make -h help: in GNU
  // factor, -h is --exponents, and help is --help alone.
  @Option(names = "--help", usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Option(
      names = {"-V", "--version"},
      versionHelp = true,
      description = "Print version information and exit.")
  boolean version;

  @Option(
      names = {"-h", "--exponents"},
      description =
          "Print a repeated factor once, as p^e (3000: 2^3 3 5^3), as GNU factor -h does; for"
              + " --format=gnu only (env FLEET_EXPONENTS, default: ${DEFAULT-VALUE}).")
  boolean exponents;

  @Option(
      names = "--local",
      description =
          "Factor in this process, without a broker (env FLEET_LOCAL, default: ${DEFAULT-VALUE}).")
  boolean local;

  @Option(
      names = "--threads",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "With --local, factoring threads, which also sieve a hard number together; through"
              + " the fleet, threads that read and check the results; 0 means all processors"
              + " (env FLEET_THREADS, default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      names = "--max-in-flight",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Tasks sent but not yet printed, at most; bounds memory whatever the input's length."
              + " 0 sizes it from the fleet: the prefetch of every worker, which keeps the fleet"
              + " busy with one job alone and lets the jobs of others share it fairly"
              + " (env FLEET_MAX_IN_FLIGHT, default: ${DEFAULT-VALUE}).")
  int maxInFlight;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "gnu",
      converter = FormatConverter.class,
      description =
          "How factored numbers are printed: gnu (as GNU factor), jsonl (one JSON object per"
              + " number, with how each factor was found from 2^64 on, and the worker that"
              + " answered) or csv (n,factors; not with --local)"
              + " (env FLEET_FORMAT, default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Parameters(paramLabel = "NUMBER", description = "Numbers to factor; standard input when none.")
  List<String> numbers = List.of();

  @Override
  public Integer call() throws IOException, InterruptedException {
    FactorSettings settings = settings();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      boolean errors = local ? factorLocally(settings, err) : factorOnTheFleet(settings, err);
      return errors ? FleetCommand.INPUT_ERROR : 0;
    } catch (BrokerUnavailableException e) {
      out.flush();
      err.println("fleet: " + e.getMessage());
      return FleetCommand.BROKER_UNAVAILABLE;
    } catch (JobCancelledException e) {
      out.flush();
      err.println("fleet: " + e.getMessage());
      return FleetCommand.CANCELLED;
    }
  }

  /**
   * Factors in this process; on a terminal, a status line shows what the engine does on a number
   * that takes more than a second, out of the way of the results.
   */
  private boolean factorLocally(FactorSettings settings, PrintWriter err)
      throws IOException, InterruptedException {
    HardNumbers hardNumbers = HardNumbers.onSystemClock();
    LocalFactoring factoring =
        new LocalFactoring(
            settings.threads(),
            settings.chunkSize() == 0
                ? BatchSizer.adaptive()
                : BatchSizer.fixed(settings.chunkSize()),
            settings.maxDigits(),
            settings.format(),
            GnuFormat.of(settings.exponents()),
            hardNumbers);
    StatusLine status = fleet.progress().line(err, -1);
    status.start(hardNumbers::line);
    try (status) {
      return factoring.run(
          numbers.isEmpty() ? factoring.reader(fleet.stdin()) : factoring.reader(numbers),
          status.guard(fleet.stdout()),
          status.guard(err));
    }
  }

  private boolean factorOnTheFleet(FactorSettings settings, PrintWriter err)
      throws IOException, InterruptedException, BrokerUnavailableException {
    TokenSource input =
        numbers.isEmpty() ? new TokenReader(fleet.stdin()) : TokenSource.of(numbers);
    return new FleetFactoring(settings)
        .run(input, numbers.isEmpty() ? -1 : numbers.size(), fleet.stdout(), err, fleet.progress());
  }

  private FactorSettings settings() {
    try {
      return new FactorSettings(
          local ? null : brokerOptions.broker(),
          brokerOptions.topology(),
          threads == 0 ? Runtime.getRuntime().availableProcessors() : threads,
          jobOptions.chunkSize,
          jobOptions.maxDigits,
          jobOptions.confirmWindow,
          maxInFlight,
          format,
          exponents);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  /** {@code gnu}, {@code jsonl} or {@code csv}, in any case. */
  static final class FormatConverter implements ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      try {
        return OutputFormat.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "'" + value + "' is not a format; expected gnu, jsonl or csv");
      }
    }
  }
}
