package io.factorfleet.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineBufferTest {
  @Test
  void shouldWriteUnsignedDecimalsAsLongToUnsignedStringDoes() {
    long[] values = {
      0,
      9,
      10,
      99,
      100,
      999_999_999,
      1_000_000_000,
      4_294_967_289L,
      4_294_967_295L,
      4_294_967_296L,
      4_294_967_299L,
      999_999_999_999_999_999L,
      1_000_000_000_000_000_000L,
      Long.MAX_VALUE,
      Long.MIN_VALUE,
      -1L
    };
    for (long value : values) {
      LineBuffer buffer = new LineBuffer(1);

      buffer.unsigned(value);

      assertThat(buffer.toString()).isEqualTo(Long.toUnsignedString(value));
    }
  }

  @Test
  void shouldWriteRandomUnsignedDecimalsOfEveryLengthAsLongToUnsignedStringDoes() {
    Random random = new Random(2026);
    for (int i = 0; i < 100_000; i++) {
      long value = random.nextLong() >>> random.nextInt(64);
      LineBuffer buffer = new LineBuffer(1);

      buffer.unsigned(value);

      assertThat(buffer.toString()).isEqualTo(Long.toUnsignedString(value));
    }
  }

  @Test
  void shouldGrowPastItsInitialCapacityWithoutLosingBytes() {
    LineBuffer buffer = new LineBuffer(16);
    StringBuilder expected = new StringBuilder();

    for (int i = 0; i < 10_000; i++) {
      buffer.unsigned(i).put('\n');
      expected.append(i).append('\n');
    }

    assertThat(buffer.toString()).isEqualTo(expected.toString());
    assertThat(buffer.length()).isEqualTo(expected.length());
  }

  @Test
  void shouldEncodeTextOutsideAsciiAsUtf8() {
    LineBuffer buffer = new LineBuffer();

    buffer.utf8("wörker-7").put(',').ascii("12");

    assertThat(toBytes(buffer)).isEqualTo("wörker-7,12".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void shouldWriteARangeOfItsBytesAndStartAfreshOnReset() throws Exception {
    LineBuffer buffer = new LineBuffer();
    buffer.ascii("12: 2 2 3\n13: 13\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    buffer.writeTo(out, 10, buffer.length());
    buffer.reset();
    buffer.ascii("1:\n");
    buffer.writeTo(out);

    assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("13: 13\n1:\n");
  }

  @Test
  void shouldRefuseARangeBeyondWhatItHolds() {
    LineBuffer buffer = new LineBuffer();
    buffer.ascii("1:\n");

    assertThatThrownBy(() -> buffer.writeTo(new ByteArrayOutputStream(), 0, 4))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  private static byte[] toBytes(LineBuffer buffer) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      buffer.writeTo(out);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }
}
