package io.factorfleet.settings;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A password kept in a file of its own, as Docker and Kubernetes mount secrets: the first line,
 * without the line break and white space that end it.
 */
public final class PasswordFile {
  private PasswordFile() {}

  /**
   * Reads the password in {@code path}.
   *
   * @throws IllegalArgumentException in one line, when the file cannot be read or its first line is
   *     empty
   */
  public static String read(Path path) {
    String line;
    try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      line = reader.readLine();
    } catch (NoSuchFileException e) {
      throw unreadable(path, "no such file");
    } catch (AccessDeniedException e) {
      throw unreadable(path, "permission denied");
    } catch (CharacterCodingException e) {
      throw unreadable(path, "not UTF-8 text");
    } catch (IOException e) {
      throw unreadable(
          path, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
    String password = line == null ? "" : line.stripTrailing();
    if (password.isEmpty()) {
      throw new IllegalArgumentException(
          "the password file " + path + " is empty" + (line == null ? "" : " on its first line"));
    }
    return password;
  }

  private static IllegalArgumentException unreadable(Path path, String reason) {
    return new IllegalArgumentException("cannot read the password file " + path + ": " + reason);
  }
}
