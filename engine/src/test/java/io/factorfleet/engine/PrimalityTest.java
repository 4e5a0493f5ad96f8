package io.factorfleet.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PrimalityTest {

  @Test
  void shouldAgreeWithTrialDivisionBelowOneHundredThousand() {
    for (int n = -5; n < 100_000; n++) {
      boolean expected = n >= 2 && BigInteger.valueOf(n).isProbablePrime(50);
      assertThat(Primality.isPrime(n)).as("%d", n).isEqualTo(expected);
      assertThat(Primality.isPrime(BigInteger.valueOf(n))).as("%d", n).isEqualTo(expected);
    }
  }

  @Test
  void shouldRejectStrongPseudoprimesToManyBases() {
    long[] pseudoprimes = {
      2047L,
      1373653L,
      25326001L,
      3215031751L,
      2152302898747L,
      3474749660383L,
      341550071728321L,
      3825123056546413051L,
      4759123141L,
      1122004669633L
    };
    for (long n : pseudoprimes) {
      assertThat(Primality.isPrime(n)).as("%d", n).isFalse();
      assertThat(Primality.isPrime(BigInteger.valueOf(n))).as("%d", n).isFalse();
    }
    assertThat(Primality.isPrime(new BigInteger("318665857834031151167461"))).isFalse();
    assertThat(Primality.isPrime(new BigInteger("3317044064679887385961981"))).isFalse();
  }

  @Test
  void shouldRejectCarmichaelNumbers() {
    long[] carmichael = {561, 1105, 1729, 2465, 2821, 6601, 8911, 41041, 825265, 321197185};
    for (long n : carmichael) {
      assertThat(Primality.isPrime(n)).as("%d", n).isFalse();
    }
  }

  @Test
  void shouldTreatLongsAsUnsigned() {
    assertThat(Primality.isPrime(-59L)).isTrue(); // 2^64 - 59
    assertThat(Primality.isPrime(-1L)).isFalse(); // 2^64 - 1
    assertThat(Primality.isPrime(Long.MIN_VALUE)).isFalse();
  }

  @Test
  void shouldAgreeWithBigIntegerOnRandomNumbersOfEverySize() {
    Random random = new Random(42);
    for (int bits = 2; bits <= 400; bits += bits < 130 ? 1 : 9) {
      for (int i = 0; i < 300; i++) {
        BigInteger n = new BigInteger(bits, random).setBit(0);
        boolean expected = n.isProbablePrime(50);
        assertThat(Primality.isPrime(n)).as("%s", n).isEqualTo(expected);
        if (bits <= 64) {
          assertThat(Primality.isPrime(n.longValue())).as("%s", n).isEqualTo(expected);
        }
      }
      BigInteger prime = BigInteger.probablePrime(Math.max(bits, 2), random);
      assertThat(Primality.isPrime(prime)).as("%s", prime).isTrue();
    }
  }

  @Test
  void shouldRejectSquaresAndProductsOfLargePrimes() {
    Random random = new Random(7);
    for (int bits = 20; bits <= 160; bits += 10) {
      BigInteger p = BigInteger.probablePrime(bits, random);
      BigInteger q = BigInteger.probablePrime(bits, random);
      assertThat(Primality.isPrime(p.multiply(p))).isFalse();
      assertThat(Primality.isPrime(p.multiply(q))).isFalse();
      assertThat(Primality.isPrime(p.multiply(p.shiftLeft(1).add(BigInteger.ONE)))).isFalse();
    }
  }

  @Test
  void shouldRejectBaseTwoPseudoprimesAboveTheMillerRabinRange() {
    // strong pseudoprimes to base 2 (and more) above 4,759,123,141, where the Lucas test decides
    long[] baseTwoPseudoprimes = {
      1122004669633L, 2152302898747L, 3474749660383L, 341550071728321L, 3825123056546413051L
    };
    for (long n : baseTwoPseudoprimes) {
      assertThat(strongLucas(n)).as("%d", n).isFalse();
      assertThat(Primality.isPrime(n)).as("%d", n).isFalse();
    }
  }

  private static boolean strongLucas(long n) {
    long nInverse = Montgomery64.inverse(n);
    return StrongLucas.isProbablePrime(n, Montgomery64.one(n), Montgomery64.rSquared(n), nInverse);
  }

  @Test
  void shouldTableTheStrongPseudoprimesToBaseTwoThatArePublished() throws Exception {
    // the first terms of OEIS A001262, and the 1,282 of them below 10^9
    long[] first = {2047, 3277, 4033, 4681, 8321, 15841, 29341, 42799, 49141, 52633, 65281, 74665};
    List<Long> table = new java.util.ArrayList<>();
    try (var lines =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(
                BaseTwoPseudoprimes.class.getResourceAsStream(BaseTwoPseudoprimes.RESOURCE),
                java.nio.charset.StandardCharsets.US_ASCII))) {
      lines.lines().map(Long::valueOf).forEach(table::add);
    }

    assertThat(table.subList(0, first.length))
        .containsExactly(java.util.Arrays.stream(first).boxed().toArray(Long[]::new));
    assertThat(table.stream().filter(n -> n < 1_000_000_000L).count()).isEqualTo(1282);
    assertThat(BaseTwoPseudoprimes.size()).isEqualTo(table.size());
    for (long n : table) {
      BigInteger big = BigInteger.valueOf(n);
      assertThat(big.isProbablePrime(50)).as("%d is composite", n).isFalse();
      assertThat(MillerRabin.isStrongProbablePrime(big, BigInteger.TWO))
          .as("%d passes base 2", n)
          .isTrue();
      assertThat(Primality.isPrime(n)).as("%d is not prime", n).isFalse();
    }
  }

  @Test
  void shouldAgreeWithASieveOnEveryOddNumberBelowTheTableLimit() throws Exception {
    // Miller-Rabin to base 2 is only as good as the table of its pseudoprimes: check every odd
    // number it decides, in blocks sieved by the primes up to the square root
    long limit = Primality.TABLE_LIMIT;
    int[] sievingPrimes =
        java.util.stream.IntStream.rangeClosed(3, (int) Math.sqrt(limit) + 1)
            .filter(p -> BigInteger.valueOf(p).isProbablePrime(30))
            .toArray();
    int blockSize = 1 << 22;
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      List<java.util.concurrent.Future<List<Long>>> blocks = new java.util.ArrayList<>();
      for (long start = 0; start < limit; start += 2L * blockSize) {
        long from = start;
        blocks.add(pool.submit(() -> disagreements(from, blockSize, limit, sievingPrimes)));
      }
      List<Long> wrong = new java.util.ArrayList<>();
      for (java.util.concurrent.Future<List<Long>> block : blocks) {
        wrong.addAll(block.get());
      }
      assertThat(wrong).as("odd numbers where Miller-Rabin and the sieve disagree").isEmpty();
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Odd numbers from + 1, from + 3, ... below limit, above 64 and with no prime factor up to 47
   * (the ones that reach Miller-Rabin), on which the test disagrees with a sieve.
   */
  private static List<Long> disagreements(long from, int count, long limit, int[] primes) {
    boolean[] composite = new boolean[count]; // index i stands for from + 2 i + 1
    boolean[] smallFactor = new boolean[count];
    for (int p : primes) {
      long square = (long) p * p;
      long end = from + 2L * count;
      if (p <= 47) {
        long first = Math.max(p, (from + 1 + p - 1) / p * p);
        for (long m = (first & 1) == 0 ? first + p : first; m < end; m += 2L * p) {
          smallFactor[(int) ((m - from - 1) / 2)] = true;
        }
      }
      if (square >= end) {
        break;
      }
      long first = Math.max(square, (from + 1 + p - 1) / p * p);
      for (long m = (first & 1) == 0 ? first + p : first; m < end; m += 2L * p) {
        composite[(int) ((m - from - 1) / 2)] = true;
      }
    }
    List<Long> wrong = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) {
      long n = from + 2L * i + 1;
      if (n >= limit) {
        break;
      }
      if (n > 64 && !smallFactor[i] && Primality.isPrimeOddAbove64(n) == composite[i]) {
        wrong.add(n);
      }
    }
    return wrong;
  }
}
