package io.factorfleet.bench;

import io.factorfleet.engine.Factorization;
import io.factorfleet.engine.Factorizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;

/**
 * Reads whitespace-separated non-negative integers from stdin and prints their factorizations in
 * GNU {@code factor}'s format ("n: p1 p2 ..."), on one thread. Used by bench/engine-vs-gnu.sh to
 * time the engine against GNU coreutils on the same input.
 */
public final class GnuFactorDriver {

  private static final int MAX_LONG_DIGITS = 19; // every 19-digit number fits in an unsigned long

  private final Factorizer factorizer = new Factorizer(Factorizer.DEFAULT_BUDGET);
  private final long[] factors = new long[64];
  private final DecimalOutput out;

  GnuFactorDriver(OutputStream out) {
    this.out = new DecimalOutput(out);
  }

  public static void main(String[] args) throws IOException {
    GnuFactorDriver driver = new GnuFactorDriver(System.out);
    driver.run(System.in);
  }

  void run(InputStream in) throws IOException {
    byte[] input = in.readAllBytes();
    int i = 0;
    while (i < input.length) {
      while (i < input.length && !isDigit(input[i])) {
        i++;
      }
      int start = i;
      while (i < input.length && isDigit(input[i])) {
        i++;
      }
      if (i > start) {
        factorToken(input, start, i);
      }
    }
    out.flush();
  }

  private void factorToken(byte[] input, int start, int end) throws IOException {
    while (start < end - 1 && input[start] == '0') {
      start++; // GNU factor prints the value, not the spelling
    }
    if (end - start <= MAX_LONG_DIGITS) {
      long n = 0;
      for (int i = start; i < end; i++) {
        n = n * 10 + (input[i] - '0');
      }
      out.writeUnsigned(n);
      out.writeByte(':');
      int count = factorizer.factor(n, factors);
      for (int i = 0; i < count; i++) {
        out.writeByte(' ');
        out.writeUnsigned(factors[i]);
      }
    } else {
      Factorization f = factorizer.factor(new BigInteger(new String(input, start, end - start)));
      out.writeAscii(f.number().toString());
      out.writeByte(':');
      for (BigInteger p : f.primes()) {
        out.writeByte(' ');
        out.writeAscii(p.toString());
      }
      if (!f.isComplete()) {
        out.writeAscii(" (unfactored " + f.cofactor() + ")");
      }
    }
    out.writeByte('\n');
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  /** A buffered byte sink that writes unsigned longs in decimal without creating strings. */
  private static final class DecimalOutput {
    private final OutputStream sink;
    private final byte[] buffer = new byte[1 << 16];
    private final byte[] digits = new byte[20];
    private int size;

    DecimalOutput(OutputStream sink) {
      this.sink = sink;
    }

    void writeUnsigned(long value) throws IOException {
      int d = digits.length;
      if (value < 0) {
        long q = (value >>> 1) / 5; // unsigned value / 10
        digits[--d] = (byte) ('0' + (value - q * 10));
        value = q;
      }
      do {
        digits[--d] = (byte) ('0' + value % 10);
        value /= 10;
      } while (value != 0);
      ensure(digits.length - d);
      System.arraycopy(digits, d, buffer, size, digits.length - d);
      size += digits.length - d;
    }

    void writeAscii(String s) throws IOException {
      for (int i = 0; i < s.length(); i++) {
        writeByte(s.charAt(i));
      }
    }

    void writeByte(int b) throws IOException {
      ensure(1);
      buffer[size++] = (byte) b;
    }

    private void ensure(int bytes) throws IOException {
      if (size + bytes > buffer.length) {
        flush();
      }
    }

    void flush() throws IOException {
      sink.write(buffer, 0, size);
      sink.flush();
      size = 0;
    }
  }
}
