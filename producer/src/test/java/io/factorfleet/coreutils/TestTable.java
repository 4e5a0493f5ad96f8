package io.factorfleet.coreutils;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the tables of coreutils' {@code factor} tests kept under {@code
 * src/test/resources/coreutils}: lines of tab-separated fields, where {@code \n}, {@code \t},
 * {@code \0} and {@code \\} stand for a newline, a tab, a NUL byte and a backslash. Lines starting
 * with {@code #} are comments; the first other line names the columns.
 */
final class TestTable {
  private TestTable() {}

  /** The rows of the table, each as many fields as it has columns, unescaped. */
  static List<List<String>> rows(String resource) {
    try (InputStream in = TestTable.class.getResourceAsStream("/coreutils/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("no test table coreutils/" + resource);
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<List<String>> rows = new ArrayList<>();
      int columns = -1;
      int number = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        number++;
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] fields = line.split("\t", -1);
        if (columns < 0) {
          columns = fields.length;
          continue;
        }
        if (fields.length != columns) {
          throw new IllegalStateException(
              resource + " line " + number + ": " + fields.length + " fields, not " + columns);
        }
        rows.add(Arrays.stream(fields).map(TestTable::unescape).toList());
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String unescape(String field) {
    StringBuilder text = new StringBuilder(field.length());
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c != '\\') {
        text.append(c);
        continue;
      }
      if (++i == field.length()) {
        throw new IllegalStateException("a lone backslash ends the field " + field);
      }
      text.append(
          switch (field.charAt(i)) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case '0' -> '\0';
            case '\\' -> '\\';
            default ->
                throw new IllegalStateException(
                    "unknown escape \\" + field.charAt(i) + " in " + field);
          });
    }
    return text.toString();
  }
}
