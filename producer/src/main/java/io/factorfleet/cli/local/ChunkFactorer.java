package io.factorfleet.cli.local;

import io.factorfleet.aggregator.ResultLines;
import io.factorfleet.engine.Factorization;
import io.factorfleet.engine.Factorizer;
import io.factorfleet.text.GnuFormat;
import io.factorfleet.text.InvalidNumberException;
import io.factorfleet.text.LineBuffer;
import io.factorfleet.text.NumberParser;
import io.factorfleet.wire.NumberResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Factors one chunk and renders its output as bytes, {@code factor} lines for standard output and
 * error messages at their place among them; one instance per thread.
 */
final class ChunkFactorer {
  private final Factorizer factorizer;
  private final NumberParser parser;
  private final GnuFormat gnu;
  private final long[] factors = new long[64];

  ChunkFactorer(Factorizer factorizer, NumberParser parser, GnuFormat gnu) {
    this.factorizer = factorizer;
    this.parser = parser;
    this.gnu = gnu;
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
        gnu.appendLine(n, factors, count, into.lines);
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
    Factorization f = factorizer.factor(n);
    List<String> primes = f.primes().stream().map(BigInteger::toString).toList();
    if (!f.isComplete()) {
      into.error(
          ResultLines.errorMessage(
              NumberResult.partial(n.toString(), primes, f.cofactor().toString())));
      return;
    }
    gnu.appendLine(n.toString(), primes, into.lines);
    into.lines.put('\n');
  }
}
