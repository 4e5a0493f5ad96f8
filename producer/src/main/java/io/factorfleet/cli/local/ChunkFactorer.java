package io.factorfleet.cli.local;

import io.factorfleet.aggregator.ResultLines;
import io.factorfleet.cli.output.OutputFormat;
import io.factorfleet.cli.progress.HardNumbers;
import io.factorfleet.engine.FactorMethod;
import io.factorfleet.engine.Factorization;
import io.factorfleet.engine.Factorizer;
import io.factorfleet.text.GnuFormat;
import io.factorfleet.text.InvalidNumberException;
import io.factorfleet.text.LineBuffer;
import io.factorfleet.text.NumberParser;
import io.factorfleet.text.UnsignedDecimals;
import io.factorfleet.wire.NumberResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Factors one chunk and renders its output as bytes, lines of the output format for standard output
 * and error messages at their place among them; one instance per thread.
 */
final class ChunkFactorer {
  private static final int LONG_BITS = 64;

  private final Factorizer factorizer;
  private final NumberParser parser;
  private final OutputFormat format;
  private final GnuFormat gnu;
  private final HardNumbers hardNumbers;
  private final long[] factors = new long[64];

  /**
   * @param hardNumbers where the numbers of the general path are watched while they are factored
   */
  ChunkFactorer(
      Factorizer factorizer,
      NumberParser parser,
      OutputFormat format,
      GnuFormat gnu,
      HardNumbers hardNumbers) {
    this.factorizer = factorizer;
    this.parser = parser;
    this.format = format;
    this.gnu = gnu;
    this.hardNumbers = hardNumbers;
  }

  /** The rendered output of one chunk. */
  static final class Rendered {
    private final LineBuffer lines = new LineBuffer();
    private final List<Integer> errorOffsets = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    /** Writes the chunk: lines to {@code out}, errors to {@code err}, in input order. */
    boolean writeTo(OutputStream out, Writer err) throws IOException {
      int written = 0;
      for (int i = 0; i < errors.size(); i++) {
        int offset = errorOffsets.get(i);
        lines.writeTo(out, written, offset);
        written = offset;
        out.flush();
        err.write("fleet: " + errors.get(i) + "\n");
        err.flush();
      }
      lines.writeTo(out, written, lines.length());
      return !errors.isEmpty();
    }

    private void reset() {
      lines.reset();
      errorOffsets.clear();
      errors.clear();
    }

    private void error(String message) {
      errorOffsets.add(lines.length());
      errors.add(message);
    }
  }

  /** Factors {@code chunk} into {@code into}, which is cleared first. */
  void factor(NumberChunk chunk, Rendered into) {
    into.reset();
    int textOrdinal = 0;
    for (int i = 0; i < chunk.size; i++) {
      long n = chunk.numbers[i];
      if (n != NumberChunk.TEXT) {
        int count = factorizer.factor(n, factors);
        if (format == OutputFormat.GNU) { // the fast path, which makes no object per number
          gnu.appendLine(n, factors, count, into.lines);
        } else {
          format.appendLocalLine(
              NumberResult.complete(n, UnsignedDecimals.of(factors, count)), gnu, into.lines);
        }
        into.lines.put('\n');
      } else {
        factorText(chunk.text(textOrdinal++), into);
      }
    }
  }

  private void factorText(String token, Rendered into) {
    BigInteger n;
    try {
      n = parser.parse(token);
    } catch (InvalidNumberException e) {
      into.error(e.getMessage());
      return;
    }
    Factorization f;
    try (HardNumbers.Watch watch = hardNumbers.watch(n)) {
      f = factorizer.factor(n, watch);
    }
    List<String> primes = f.primes().stream().map(BigInteger::toString).toList();
    if (!f.isComplete()) {
      into.error(
          ResultLines.errorMessage(
              NumberResult.partial(n.toString(), primes, f.cofactor().toString())));
      return;
    }
    if (format == OutputFormat.GNU) {
      gnu.appendLine(n.toString(), primes, into.lines);
    } else {
      format.appendLocalLine(complete(n, primes, f), gnu, into.lines);
    }
    into.lines.put('\n');
  }

  /**
   * The methods are given from 2^64 on only, as the fleet's workers give them, so that both print
   * the same lines: below, workers factor on a path that does not record them.
   */
  private static NumberResult complete(BigInteger n, List<String> primes, Factorization f) {
    if (n.bitLength() <= LONG_BITS) {
      return NumberResult.complete(n.toString(), primes);
    }
    return NumberResult.complete(
        n.toString(), primes, f.methods().stream().map(FactorMethod::label).toList());
  }
}
