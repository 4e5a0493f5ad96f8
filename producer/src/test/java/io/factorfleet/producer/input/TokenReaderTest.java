package io.factorfleet.producer.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenReaderTest {
  @Test
  void shouldSplitOnSpacesTabsAndNewlines() throws IOException {
    assertThat(tokens("  12\t13\n\n14  15\n")).containsExactly("12", "13", "14", "15");
  }

  @Test
  void shouldKeepCarriageReturnsAndOtherBytesInTheToken() throws IOException {
    assertThat(tokens("12\r\n13\u000b14 é")).containsExactly("12\r", "13\u000b14", "é");
  }

  @Test
  void shouldEndATokenAtANulAndDropTheRestUpToTheNextSeparator() throws IOException {
    assertThat(tokens("3\0\0")).containsExactly("3");
    assertThat(tokens("3\0foo bar\n")).containsExactly("3", "bar");
    assertThat(tokens("12\0\n\0 \t\u00007 5\0")).containsExactly("12", "", "", "5");
  }

  @Test
  void shouldDropTheRestOfATokenCutByANulEvenPastItsBuffer() throws IOException {
    assertThat(tokens("4\0" + "x".repeat(200_000) + "\n6")).containsExactly("4", "6");
  }

  @Test
  void shouldReadTokensLongerThanItsBuffer() throws IOException {
    String big = "9".repeat(200_000);
    assertThat(tokens("1 " + big + " 2")).containsExactly("1", big, "2");
  }

  @Test
  void shouldTakeEachArgumentAsOneTokenAfterLeadingSpaces() throws IOException {
    TokenSource source = TokenSource.of(List.of(" 12", "12 13", ""));
    assertThat(source.next()).isEqualTo("12");
    assertThat(source.next()).isEqualTo("12 13");
    assertThat(source.next()).isEmpty();
    assertThat(source.next()).isNull();
  }

  private static List<String> tokens(String text) throws IOException {
    TokenReader reader =
        new TokenReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    List<String> tokens = new ArrayList<>();
    for (String t = reader.next(); t != null; t = reader.next()) {
      tokens.add(t);
    }
    return tokens;
  }
}
