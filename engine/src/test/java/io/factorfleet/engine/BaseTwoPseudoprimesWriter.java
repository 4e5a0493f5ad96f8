package io.factorfleet.engine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;

/**
 * Writes the table of {@link BaseTwoPseudoprimes}: every odd composite below {@link
 * Primality#TABLE_LIMIT}, found by a sieve, that passes Miller-Rabin to base 2. About a minute and
 * a half:
 *
 * <pre>
 * ./mvnw -q -o test-compile -pl common
 * java -cp common/target/classes:common/target/test-classes \
 *   io.factorfleet.engine.BaseTwoPseudoprimesWriter \
 *   common/src/main/resources/io/factorfleet/engine/base-two-strong-pseudoprimes.txt
 * </pre>
 */
public final class BaseTwoPseudoprimesWriter {
  private BaseTwoPseudoprimesWriter() {}

  public static void main(String[] args) throws IOException {
    int limit = (int) Primality.TABLE_LIMIT;
    BitSet oddComposite = new BitSet(limit / 2); // bit i stands for 2 i + 1
    for (int p = 3; (long) p * p < limit; p += 2) {
      if (!oddComposite.get(p / 2)) {
        for (long m = (long) p * p; m < limit; m += 2L * p) {
          oddComposite.set((int) (m / 2));
        }
      }
    }
    int count = 0;
    try (PrintWriter out =
        new PrintWriter(Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.US_ASCII))) {
      for (int i = oddComposite.nextSetBit(0); i >= 0; i = oddComposite.nextSetBit(i + 1)) {
        long n = 2L * i + 1;
        if (MillerRabin.isStrongProbablePrime32(n, 2)) {
          out.println(n);
          count++;
        }
      }
    }
    System.out.println(count + " strong pseudoprimes to base 2 below " + limit);
  }
}
