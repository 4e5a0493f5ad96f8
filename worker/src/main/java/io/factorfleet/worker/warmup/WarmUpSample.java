package io.factorfleet.worker.warmup;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Numbers of every size class the engine handles, each made here by multiplying primes that the
 * JDK's own {@link BigInteger#probablePrime} chose, so that every factorization is known without
 * asking the engine. Drawn from a fixed seed: the same sample at every start.
 *
 * <p>The classes follow the engine's paths: small numbers for trial division, 32-bit ones for rho
 * and the primality test, semiprimes of 61 to 64 bits for the 64-bit ECM (its lazy arithmetic below
 * 2^62 and its canonical one above), two-word numbers of 65 to 128 bits, wide ones above, and two
 * balanced semiprimes of 46 and 49 digits for the wide ECM and the quadratic sieve, the code of a
 * hard number's units. Most of the time goes to the 62-bit semiprimes, the commonest heavy input.
 */
public final class WarmUpSample {
  /** The seed every sample is drawn from. */
  public static final long SEED = 20_261_205L;

  /** One size class: how many numbers, each a product of primes of one of the given bit lengths. */
  record SizeClass(String name, int count, int[]... shapes) {}

  static final List<SizeClass> CLASSES =
      List.of(
          new SizeClass(
              "small",
              3_000,
              new int[] {2, 3, 5},
              new int[] {7, 11},
              new int[] {11},
              new int[] {4, 6, 9},
              new int[] {10, 11}),
          new SizeClass(
              "32-bit",
              2_000,
              new int[] {16, 16},
              new int[] {11, 21},
              new int[] {32},
              new int[] {31},
              new int[] {8, 12, 12}),
          new SizeClass(
              "62-64-bit semiprime",
              24_000,
              new int[] {31, 31},
              new int[] {32, 32},
              new int[] {31, 32},
              new int[] {21, 42}),
          new SizeClass("two-word", 40, new int[] {32, 48}, new int[] {36, 60}, new int[] {40, 84}),
          new SizeClass("wide", 6, new int[] {22, 30, 100}, new int[] {24, 26, 120}),
          new SizeClass("sieve", 2, new int[] {75, 76}, new int[] {80, 82}));

  /** Primes drawn per bit length; products of their pairs make the numbers of a class. */
  private static final int POOL_SIZE = 24;

  private final List<KnownFactorization> numbers;

  private WarmUpSample(List<KnownFactorization> numbers) {
    this.numbers = List.copyOf(numbers);
  }

  /** The sample of {@link #SEED}, scaled by {@code scale} (1 for the full sample). */
  public static WarmUpSample draw(double scale) {
    Random random = new Random(SEED);
    Map<Integer, List<BigInteger>> pools = new HashMap<>();
    List<KnownFactorization> numbers = new ArrayList<>();
    for (SizeClass sizeClass : CLASSES) {
      int count = Math.max(sizeClass.shapes().length, (int) Math.round(sizeClass.count() * scale));
      for (int i = 0; i < count; i++) {
        int[] shape = sizeClass.shapes()[i % sizeClass.shapes().length];
        List<BigInteger> primes = new ArrayList<>(shape.length);
        for (int bits : shape) {
          List<BigInteger> pool = pools.computeIfAbsent(bits, b -> pool(b, random));
          primes.add(pool.get(random.nextInt(pool.size())));
        }
        numbers.add(KnownFactorization.of(primes));
      }
    }
    Collections.shuffle(numbers, random);
    return new WarmUpSample(numbers);
  }

  private static List<BigInteger> pool(int bits, Random random) {
    List<BigInteger> pool = new ArrayList<>(POOL_SIZE);
    for (int i = 0; i < POOL_SIZE; i++) {
      pool.add(BigInteger.probablePrime(bits, random));
    }
    return pool;
  }

  /** The numbers in the order they are factored. */
  public List<KnownFactorization> numbers() {
    return numbers;
  }
}
