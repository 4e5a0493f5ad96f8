package io.factorfleet.producer.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into tokens as it arrives, holding only the token being read. Tokens are
 * separated by what GNU {@code factor} separates them with on its input: spaces, tabs and newlines,
 * any run of them counting as one (a carriage return is part of a token, so CRLF input is refused
 * as GNU refuses it).
 *
 * <p>A NUL byte ends what is read of a token, and whatever follows it up to the next separator is
 * dropped: GNU reads the whole token and then looks at it as a C string, which stops at the first
 * NUL. So {@code "3\0foo bar"} is the tokens {@code 3} and {@code bar}, and a token that starts
 * with a NUL is the empty token, which is not a valid number.
 */
public final class TokenReader implements TokenSource {
  private static final int BUFFER_BYTES = 1 << 16;

  private final InputStream in;
  private final byte[] buffer = new byte[BUFFER_BYTES];
  private int position;
  private int limit;
  private byte[] token = new byte[64];

  public TokenReader(InputStream in) {
    this.in = in;
  }

  @Override
  public String next() throws IOException {
    int length = nextBytes();
    return length < 0 ? null : new String(token, 0, length, StandardCharsets.UTF_8);
  }

  /**
   * Reads the next token into {@link #bytes()} without making a string of it.
   *
   * @return its length in bytes, or -1 at the end
   */
  public int nextBytes() throws IOException {
    int b;
    do {
      b = read();
      if (b < 0) {
        return -1;
      }
    } while (isSpace(b));
    int length = 0;
    while (b > 0 && !isSpace(b)) {
      if (length == token.length) {
        token = Arrays.copyOf(token, length * 2);
      }
      token[length++] = (byte) b;
      b = read();
    }
    while (b >= 0 && !isSpace(b)) {
      b = read(); // the rest of a token cut short by a NUL
    }
    return length;
  }

  /** The bytes of the token {@link #nextBytes()} read last; valid until the next call. */
  public byte[] bytes() {
    return token;
  }

  private int read() throws IOException {
    if (position == limit) {
      limit = in.read(buffer, 0, buffer.length);
      position = 0;
      if (limit <= 0) {
        limit = 0;
        return -1;
      }
    }
    return buffer[position++] & 0xff;
  }

  private static boolean isSpace(int b) {
    return b == ' ' || b == '\n' || b == '\t';
  }
}
