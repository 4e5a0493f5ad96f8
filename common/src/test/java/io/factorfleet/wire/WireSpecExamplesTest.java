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
  private static final Pattern SECTION = Pattern.compile("(?m)^## (.*)$");

  /** The section whose examples are hard numbers: a task's body, read as such. */
  private static final String HARD_NUMBER_SECTION = "Hard number";

  /** One json block of the spec, and the section it is in. */
  private record Example(String section, String json) {}

  private final WireCodec codec = new WireCodec();

  @Test
  void shouldReadEveryExampleOfTheSpecAndWriteItBackByteForByte() throws Exception {
    List<Example> examples = examples();

    assertThat(examples).hasSizeGreaterThanOrEqualTo(8);
    for (Example example : examples) {
      assertThat(reencoded(example))
          .as("docs/wire.md example in section %s", example.section())
          .isEqualTo(example.json());
    }
  }

  @Test
  void shouldHaveAHardNumberExample() throws Exception {
    assertThat(examples()).anyMatch(example -> example.section().equals(HARD_NUMBER_SECTION));
  }

  private String reencoded(Example example) throws WireFormatException {
    String json = example.json();
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    byte[] again;
    if (example.section().equals(HARD_NUMBER_SECTION)) {
      again = codec.encode(codec.decodeHardNumber(body));
    } else if (json.contains("\"relations\":")) {
      again = codec.encode(codec.decodeUnitResult(body));
    } else if (json.contains("\"ecm\":") || json.contains("\"sieve\":")) {
      again = codec.encode(codec.decodeUnit(body));
    } else if (json.contains("\"results\":")) {
      again = codec.encode(codec.decodeResult(body));
    } else if (json.contains("\"tasks\":")) {
      again = codec.encode(codec.decodeSeal(body));
    } else {
      again = codec.encode(codec.decodeTask(body));
    }
    return new String(again, StandardCharsets.UTF_8);
  }

  private static List<Example> examples() throws IOException {
    String spec = Files.readString(specFile());
    Matcher blocks = JSON_BLOCK.matcher(spec);
    List<Example> examples = new ArrayList<>();
    while (blocks.find()) {
      examples.add(new Example(sectionAt(spec, blocks.start()), blocks.group(1)));
    }
    return examples;
  }

  /** The title of the section ({@code ## …}) that {@code offset} of the spec is in. */
  private static String sectionAt(String spec, int offset) {
    Matcher headings = SECTION.matcher(spec).region(0, offset);
    String section = "";
    while (headings.find()) {
      section = headings.group(1).strip();
    }
    return section;
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
