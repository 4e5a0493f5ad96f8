package io.factorfleet.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.factorfleet.testing.EdgeTokens;
import io.factorfleet.text.NumberParser;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkReaderTest {
  private static final List<String> TOKENS = EdgeTokens.all();

  @Test
  void shouldParseTokensOnItsFastPathExactlyAsNumberParserDoes() throws Exception {
    NumberParser parser = new NumberParser(100);
    ChunkReader reader = ChunkReader.of(TOKENS, 100);
    NumberChunk chunk = new NumberChunk(TOKENS.size());

    assertThat(reader.fill(chunk)).isTrue();

    int text = 0;
    for (int i = 0; i < TOKENS.size(); i++) {
      long expected = parser.parseSmall(TOKENS.get(i));
      assertThat(chunk.numbers[i]).as(TOKENS.get(i)).isEqualTo(expected);
      if (expected < 0) {
        assertThat(chunk.text(text++)).isEqualTo(TOKENS.get(i));
      }
    }
  }

  @Test
  void shouldSendNumbersOverTheDigitLimitToTheGeneralPath() throws Exception {
    ChunkReader reader = ChunkReader.of(List.of("999", "1000"), 3);
    NumberChunk chunk = new NumberChunk(4);

    reader.fill(chunk);

    assertThat(chunk.numbers[0]).isEqualTo(999);
    assertThat(chunk.numbers[1]).isEqualTo(NumberChunk.TEXT);
  }

  @Test
  void shouldSplitStandardInputAsGnuFactorDoes() throws Exception {
    byte[] input = " 12\t13\n\n14\r\n".getBytes(StandardCharsets.UTF_8);
    ChunkReader reader = ChunkReader.of(new ByteArrayInputStream(input), 100);
    NumberChunk chunk = new NumberChunk(2);

    assertThat(reader.fill(chunk)).isTrue();
    assertThat(chunk.size).isEqualTo(2);
    assertThat(reader.fill(chunk)).isTrue();
    assertThat(chunk.size).isEqualTo(1);
    assertThat(chunk.text(0)).isEqualTo("14\r");
    assertThat(reader.fill(chunk)).isFalse();
  }

  @Test
  void shouldStartEachFillOfAReusedChunkAfresh() throws Exception {
    ChunkReader reader = ChunkReader.of(List.of("x", "4", "y", "z"), 100);
    NumberChunk chunk = new NumberChunk(2);

    reader.fill(chunk);
    assertThat(chunk.text(0)).isEqualTo("x");
    reader.fill(chunk);

    assertThat(chunk.size).isEqualTo(2);
    assertThat(chunk.text(0)).isEqualTo("y");
    assertThat(chunk.text(1)).isEqualTo("z");
  }
}
