package io.factorfleet.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * GNU coreutils {@code factor}, the oracle Factor Fleet's output is compared with.
 *
 * <p>GNU {@code factor} 9.1 keeps the lines of numbers below 2^127 in a buffer of its own and
 * writes those of larger numbers straight out, so when sizes are mixed its lines can come out of
 * input order. {@link #output} therefore puts GNU's lines back in input order, each line byte for
 * byte as GNU wrote it; Factor Fleet always answers in input order.
 */
public final class GnuFactor {
  private GnuFactor() {}

  public static boolean isInstalled() {
    try {
      Process p = new ProcessBuilder("factor", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * GNU {@code factor}'s line for each of these canonical decimal numbers, in their order, each
   * ended by a newline.
   */
  public static String output(List<String> numbers) throws IOException, InterruptedException {
    Map<String, Deque<String>> linesByNumber = new HashMap<>();
    for (String line : run(numbers).split("\n", -1)) {
      if (!line.isEmpty()) {
        linesByNumber
            .computeIfAbsent(line.substring(0, line.indexOf(':')), k -> new ArrayDeque<>())
            .add(line);
      }
    }
    StringBuilder inOrder = new StringBuilder();
    for (String n : numbers) {
      Deque<String> lines = linesByNumber.get(n);
      if (lines == null || lines.isEmpty()) {
        throw new IOException("GNU factor printed no line for " + n);
      }
      inOrder.append(lines.removeFirst()).append('\n');
    }
    return inOrder.toString();
  }

  private static String run(List<String> numbers) throws IOException, InterruptedException {
    Path out = Files.createTempFile("gnu-factor", ".txt");
    try {
      Process p =
          new ProcessBuilder("factor")
              .redirectOutput(out.toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      try (OutputStream in = p.getOutputStream()) {
        for (String n : numbers) {
          in.write((n + "\n").getBytes(StandardCharsets.US_ASCII));
        }
      }
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IOException("GNU factor did not finish");
      }
      return Files.readString(out, StandardCharsets.US_ASCII);
    } finally {
      Files.deleteIfExists(out);
    }
  }
}
