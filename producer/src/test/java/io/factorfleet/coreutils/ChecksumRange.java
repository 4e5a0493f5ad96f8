package io.factorfleet.coreutils;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * One checksum test of coreutils' {@code tests/factor/create-test.sh}: {@code seq LO HI | factor |
 * sha1sum} must give {@code sha1}.
 *
 * @param name the test's name in create-test.sh
 * @param lo the first number
 * @param hi the last number
 * @param sha1 the SHA-1 of GNU {@code factor}'s output, from create-test.sh
 * @param suite where Factor Fleet runs it: {@code unit} (with {@code --local}), {@code fleet}
 *     (through the fleet, in the integration tests) or {@code long} (through the fleet when asked)
 */
public record ChecksumRange(String name, String lo, String hi, String sha1, String suite) {
  /** Every row of {@code checksum-ranges.tsv}, in create-test.sh's order. */
  public static List<ChecksumRange> all() {
    return TestTable.rows("checksum-ranges.tsv").stream()
        .map(row -> new ChecksumRange(row.get(0), row.get(1), row.get(2), row.get(3), row.get(4)))
        .toList();
  }

  /** The rows run in {@code suite}. */
  public static List<ChecksumRange> in(String... suites) {
    List<String> wanted = List.of(suites);
    return all().stream().filter(range -> wanted.contains(range.suite())).toList();
  }

  /** What {@code seq lo hi} prints. */
  public InputStream seq() {
    return new SeqInput(lo, hi);
  }

  /** A sink that keeps the SHA-1 of what is written to it, as {@code sha1sum} prints it. */
  public static final class Sha1Sink extends DigestOutputStream {
    public Sha1Sink() {
      super(OutputStream.nullOutputStream(), sha1());
    }

    public String hex() throws IOException {
      flush();
      return HexFormat.of().formatHex(getMessageDigest().digest());
    }

    private static MessageDigest sha1() {
      try {
        return MessageDigest.getInstance("SHA-1");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every JDK has SHA-1", e);
      }
    }
  }

  @Override
  public String toString() {
    return name + " (seq " + abbreviate(lo) + " " + abbreviate(hi) + ")";
  }

  private static String abbreviate(String number) {
    return number.length() <= 24
        ? number
        : number.substring(0, 10) + "…" + number.substring(number.length() - 6);
  }
}
