package io.factorfleet.coreutils;

import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What {@code seq LO HI} prints for integers LO ≤ HI: each number from LO to HI in decimal, without
 * leading zeros, on a line of its own. Made as it is read, so that ten million lines take no
 * memory; the next number is the last one's digits plus one, carried by hand.
 */
final class SeqInput extends InputStream {
  private byte[] digits;
  private long remaining; // numbers not yet written whole, the current one included
  private int position;
  private boolean lineDone;

  SeqInput(String lo, String hi) {
    BigInteger first = new BigInteger(lo);
    BigInteger last = new BigInteger(hi);
    if (first.signum() < 0 || last.compareTo(first) < 0) {
      throw new IllegalArgumentException("not a range of integers from 0 up: " + lo + " " + hi);
    }
    digits = first.toString().getBytes(StandardCharsets.US_ASCII);
    remaining = last.subtract(first).add(BigInteger.ONE).longValueExact();
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] into, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    int written = 0;
    while (written < length && remaining > 0) {
      if (position < digits.length) {
        int n = Math.min(length - written, digits.length - position);
        System.arraycopy(digits, position, into, offset + written, n);
        position += n;
        written += n;
      } else if (!lineDone) {
        into[offset + written++] = '\n';
        lineDone = true;
      } else {
        remaining--;
        increment();
        position = 0;
        lineDone = false;
      }
    }
    return written == 0 ? -1 : written;
  }

  private void increment() {
    for (int i = digits.length - 1; i >= 0; i--) {
      if (digits[i] != '9') {
        digits[i]++;
        return;
      }
      digits[i] = '0';
    }
    byte[] longer = new byte[digits.length + 1];
    Arrays.fill(longer, (byte) '0');
    longer[0] = '1';
    digits = longer;
  }
}
