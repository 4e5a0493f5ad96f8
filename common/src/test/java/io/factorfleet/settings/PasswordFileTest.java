package io.factorfleet.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordFileTest {
  @TempDir Path dir;

  @Test
  void shouldReadTheFirstLineWithoutItsLineBreakAndTrailingWhiteSpace() throws Exception {
    assertThat(PasswordFile.read(file("s3cret\n"))).isEqualTo("s3cret");
    assertThat(PasswordFile.read(file("s3cret \t\r\nsecond line\n"))).isEqualTo("s3cret");
    assertThat(PasswordFile.read(file("no line break"))).isEqualTo("no line break");
  }

  @Test
  void shouldKeepWhiteSpaceThatIsPartOfThePassword() throws Exception {
    assertThat(PasswordFile.read(file("  two words\n"))).isEqualTo("  two words");
  }

  @Test
  void shouldRefuseAnEmptyFileOrFirstLine() throws Exception {
    Path empty = file("");
    assertThatThrownBy(() -> PasswordFile.read(empty))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the password file " + empty + " is empty");
    Path blank = file(" \nsecond line\n");
    assertThatThrownBy(() -> PasswordFile.read(blank))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the password file " + blank + " is empty on its first line");
  }

  @Test
  void shouldSayWhyAFileCannotBeRead() throws Exception {
    Path missing = dir.resolve("missing");
    assertThatThrownBy(() -> PasswordFile.read(missing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot read the password file " + missing + ": no such file");
    Path notUtf8 = dir.resolve("binary");
    Files.write(notUtf8, new byte[] {(byte) 0xff, (byte) 0xfe, 0x41});
    assertThatThrownBy(() -> PasswordFile.read(notUtf8))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot read the password file " + notUtf8 + ": not UTF-8 text");
    assertThatThrownBy(() -> PasswordFile.read(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cannot read the password file " + dir + ": ")
        .hasMessageNotContaining("\n");
  }

  private Path file(String content) throws Exception {
    Path file = Files.createTempFile(dir, "password", "");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }
}
