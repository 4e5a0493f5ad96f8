package io.factorfleet.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The examples of docs/wire.md, each of which must be a message this build reads and writes back
 * byte for byte, so that the spec cannot drift from the code.
 */
class WireSpecExamplesTest {
  private static final Path SPEC = Path.of("docs", "wire.md");
  private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n\\s*(.*?)\\n\\s*```");

  private final WireCodec codec = new WireCodec();

  @Test
  void shouldReadEveryExampleOfTheSpecAndWriteItBackByteForByte() throws Exception {
    List<String> examples = examples();

    assertThat(examples).hasSizeGreaterThanOrEqualTo(7);
    for (String example : examples) {
      assertThat(reencoded(example)).as("docs/wire.md example").isEqualTo(example);
    }
  }

  private String reencoded(String example) throws WireFormatException {
    byte[] body = example.getBytes(StandardCharsets.UTF_8);
    byte[] again;
    if (example.contains("\"relations\":")) {
      again = codec.encode(codec.decodeUnitResult(body));
    } else if (example.contains("\"ecm\":") || example.contains("\"sieve\":")) {
      again = codec.encode(codec.decodeUnit(body));
    } else if (example.contains("\"results\":")) {
      again = codec.encode(codec.decodeResult(body));
    } else if (example.contains("\"tasks\":")) {
      again = codec.encode(codec.decodeSeal(body));
    } else {
      again = codec.encode(codec.decodeTask(body));
    }
    return new String(again, StandardCharsets.UTF_8);
  }

  private static List<String> examples() throws IOException {
    Matcher blocks = JSON_BLOCK.matcher(Files.readString(specFile()));
    List<String> examples = new ArrayList<>();
    while (blocks.find()) {
      examples.add(blocks.group(1));
    }
    return examples;
  }

  /** docs/wire.md of the repository, from the working directory or one of its parents. */
  private static Path specFile() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve(SPEC))) {
        return dir.resolve(SPEC);
      }
    }
    throw new IllegalStateException("no " + SPEC + " in the working directory or above it");
  }
}
