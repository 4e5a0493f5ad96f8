package io.factorfleet.cli.local;

import io.factorfleet.aggregator.ResultLines;
import io.factorfleet.engine.Factorization;
import io.factorfleet.engine.Factorizer;
import io.factorfleet.text.InvalidNumberException;
import io.factorfleet.text.NumberParser;
import io.factorfleet.wire.NumberResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Factors one chunk and renders its output as bytes, {@code factor} lines for standard output and
 * error messages at their place among them; one instance per thread.
 */
final class ChunkFactorer {
  private final Factorizer factorizer;
  private final NumberParser parser;
  private final long[] factors = new long[64];

  ChunkFactorer(Factorizer factorizer, NumberParser parser) {
    this.factorizer = factorizer;
    this.parser = parser;
  }

  /** The rendered output of one chunk. */
  static final class Rendered {
    private byte[] bytes = new byte[1 << 12];
    private int length;
    private final List<Integer> errorOffsets = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    /** Writes the chunk: lines to {@code out}, errors to {@code err}, in input order. */
    boolean writeTo(OutputStream out, Writer err) throws IOException {
      int written = 0;
      for (int i = 0; i < errors.size(); i++) {
        int offset = errorOffsets.get(i);
        out.write(bytes, written, offset - written);
        written = offset;
        out.flush();
        err.write("fleet: " + errors.get(i) + "\n");
        err.flush();
      }
      out.write(bytes, written, length - written);
      return !errors.isEmpty();
    }

    private void reset() {
      length = 0;
      errorOffsets.clear();
      errors.clear();
    }

    private void ensure(int more) {
      if (length + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(length + more, bytes.length * 2));
      }
    }

    /** Writes the decimal digits of the unsigned {@code value}, without a String in between. */
    private void unsigned(long value) {
      ensure(20);
      if (value < 0) { // 2^63 and above: rare, the JDK's unsigned formatting
        ascii(Long.toUnsignedString(value));
        return;
      }
      int digits = 1;
      for (long bound = 10; digits < 19 && value >= bound; bound *= 10) {
        digits++;
      }
      int end = length + digits;
      for (int i = end - 1; i >= length; i--) {
        long quotient = value / 10;
        bytes[i] = (byte) ('0' + (value - quotient * 10));
        value = quotient;
      }
      length = end;
    }

    private void ascii(String text) {
      ensure(text.length());
      for (int i = 0; i < text.length(); i++) {
        bytes[length++] = (byte) text.charAt(i);
      }
    }

    private void put(char c) {
      ensure(1);
      bytes[length++] = (byte) c;
    }

    private void error(String message) {
      errorOffsets.add(length);
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
        into.unsigned(n);
        into.put(':');
        for (int f = 0; f < count; f++) {
          into.put(' ');
          into.unsigned(factors[f]);
        }
        into.put('\n');
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
    into.ascii(ResultLines.factorLine(NumberResult.complete(n.toString(), primes)));
    into.put('\n');
  }
}
