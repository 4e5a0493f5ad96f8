package io.factorfleet.bench;

import io.factorfleet.engine.Factorizer;
import java.math.BigInteger;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Average time to factor one number of each benchmark class. Short runs by default (the build
 * machine is shared); raise iterations with -wi / -i for stable figures.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Thread)
public class FactorizerBenchmark {

  private static final int POOL = 1024;

  @Param({"random63", "semiprime31x31", "random9digit"})
  public String shape;

  private final Factorizer factorizer = new Factorizer(Factorizer.DEFAULT_BUDGET);
  private final long[] out = new long[64];
  private long[] numbers;
  private int next;

  @Setup(Level.Trial)
  public void createNumbers() {
    Random random = new Random(20_24);
    numbers = new long[POOL];
    for (int i = 0; i < POOL; i++) {
      numbers[i] =
          switch (shape) {
            case "random63" -> random.nextLong() >>> 1;
            case "semiprime31x31" ->
                BigInteger.probablePrime(31, random)
                    .multiply(BigInteger.probablePrime(31, random))
                    .longValue();
            case "random9digit" -> 100_000_000 + random.nextInt(900_000_000);
            default -> throw new IllegalArgumentException("unknown shape " + shape);
          };
    }
  }

  @Benchmark
  public long factorOneLong() {
    long n = numbers[next++ & (POOL - 1)];
    int count = factorizer.factor(n, out);
    return out[Math.max(0, count - 1)];
  }

  /** One 100-bit semiprime of two 50-bit primes per invocation. */
  @State(Scope.Thread)
  public static class WideSemiprimes {
    BigInteger[] numbers;
    int next;

    @Setup(Level.Trial)
    public void createNumbers() {
      Random random = new Random(50);
      numbers = new BigInteger[8];
      for (int i = 0; i < numbers.length; i++) {
        numbers[i] =
            BigInteger.probablePrime(50, random).multiply(BigInteger.probablePrime(50, random));
      }
    }
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 1, time = 5)
  @Measurement(iterations = 2, time = 5)
  public Object factorSemiprimeOfTwo50BitPrimes(WideSemiprimes state) {
    return factorizer.factor(state.numbers[state.next++ & 7]);
  }
}
