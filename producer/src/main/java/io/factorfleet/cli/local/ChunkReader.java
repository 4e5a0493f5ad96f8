package io.factorfleet.cli.local;

import io.factorfleet.producer.input.TokenReader;
import io.factorfleet.text.NumberParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads input into {@link NumberChunk}s, tokenising as GNU {@code factor} does (spaces, tabs and
 * newlines on standard input; one token per argument, leading spaces aside), and parsing digits
 * straight into longs where they fit.
 */
final class ChunkReader {
  private final int maxFastDigits;
  private final TokenReader stream;
  private final List<String> arguments;
  private int nextArgument;
  private byte[] token;

  private ChunkReader(TokenReader stream, List<String> arguments, int maxDigits) {
    this.stream = stream;
    this.arguments = arguments;
    this.maxFastDigits = Math.min(NumberParser.SMALL_DIGITS, maxDigits);
  }

  /**
   * @param maxDigits the digit limit; longer numbers take the general path, which refuses them
   */
  static ChunkReader of(InputStream in, int maxDigits) {
    return new ChunkReader(new TokenReader(in), null, maxDigits);
  }

  static ChunkReader of(List<String> arguments, int maxDigits) {
    return new ChunkReader(null, arguments, maxDigits);
  }

  /** Fills {@code chunk} from the input; returns false when the input had nothing left. */
  boolean fill(NumberChunk chunk) throws IOException {
    chunk.clear();
    while (!chunk.isFull()) {
      int length = arguments == null ? nextStreamToken() : nextArgumentToken();
      if (length < 0) {
        break;
      }
      long n = fastParse(token, length);
      if (n >= 0) {
        chunk.addNumber(n);
      } else {
        chunk.addText(new String(token, 0, length, StandardCharsets.UTF_8));
      }
    }
    return chunk.size > 0;
  }

  /**
   * The value of an optional {@code +} and digits with few enough significant ones and a value
   * below 2^63, else -1: the byte-level twin of {@link NumberParser#parseSmall}, tested against it.
   * At most {@link NumberParser#SMALL_DIGITS} digits always fit in 64 bits unsigned, so a value of
   * 2^63 or more shows as negative and stays text.
   */
  private long fastParse(byte[] bytes, int length) {
    int i = length > 0 && bytes[0] == '+' ? 1 : 0;
    if (i == length) {
      return -1;
    }
    while (i < length - 1 && bytes[i] == '0') {
      i++;
    }
    if (length - i > maxFastDigits) {
      return -1;
    }
    long value = 0;
    for (; i < length; i++) {
      int digit = bytes[i] - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value < 0 ? -1 : value;
  }

  private int nextArgumentToken() {
    if (nextArgument == arguments.size()) {
      return -1;
    }
    String argument = arguments.get(nextArgument++).replaceFirst("^ +", "");
    token = argument.getBytes(StandardCharsets.UTF_8);
    return token.length;
  }

  private int nextStreamToken() throws IOException {
    int length = stream.nextBytes();
    token = stream.bytes();
    return length;
  }
}
