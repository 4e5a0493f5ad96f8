package io.factorfleet.engine;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.math.BigInteger;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * Times builds of the engine on balanced semiprimes of the given digits, one thread: {@code siqs}
 * the quadratic sieve alone, {@code factor} the whole {@code Factorizer} (trial division, ECM
 * pretest, sieve). Each build is loaded through a class loader of its own; with two, they take
 * turns number by number (who goes first alternates). The first {@code -Dwarm=30} numbers are run
 * but not counted.
 *
 * <p>Two builds in one JVM can disturb each other's compiled code: at 40 digits, in {@code factor}
 * mode, a build took 43.7 ms a number beside an older build and 30.5 ms beside itself, while the
 * older one took 38 ms either way. So for figures, time one build per process (the same jar
 * twice, or once) and alternate the builds between processes:
 *
 * <pre>
 * for run in 1 2 3; do for jar in /tmp/before.jar engine/target/fleet-engine-0.1.0-SNAPSHOT.jar; do
 *   java -cp bench/jmh/target/benchmarks.jar io.factorfleet.engine.EngineComparison 30 600 factor $jar
 * done; done
 * </pre>
 */
public final class EngineComparison {

  private EngineComparison() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 4 || args.length > 5 || !(args[2].equals("siqs") || args[2].equals("factor"))) {
      System.err.println("usage: EngineComparison DIGITS COUNT siqs|factor ENGINE_JAR [ENGINE_JAR_B]");
      System.exit(64);
    }
    int digits = Integer.parseInt(args[0]);
    int count = Integer.parseInt(args[1]);
    int warm = Integer.getInteger("warm", 30);
    boolean sieveOnly = args[2].equals("siqs");
    Engine[] engines =
        args.length == 5
            ? new Engine[] {new Engine(args[3]), new Engine(args[4])}
            : new Engine[] {new Engine(args[3])};
    Random random = new Random(digits * 7L);
    int bits = (int) Math.ceil(digits / Math.log10(2));
    long[] nanos = new long[engines.length];
    for (int i = 0; i < warm + count; i++) {
      BigInteger n =
          BigInteger.probablePrime(bits / 2, random)
              .multiply(BigInteger.probablePrime(bits - bits / 2, random));
      for (int turn = 0; turn < engines.length; turn++) {
        int side = (turn + i) % engines.length;
        long elapsed = engines[side].time(n, sieveOnly);
        if (i >= warm) {
          nanos[side] += elapsed;
        }
      }
    }
    String what =
        String.format(
            Locale.ROOT,
            "%d balanced semiprimes of %d digits, %s, one thread",
            count,
            digits,
            sieveOnly ? "sieve alone" : "whole factorizations");
    if (engines.length == 1) {
      System.out.printf(Locale.ROOT, "%s: %.3f ms%n", what, nanos[0] / 1e6 / count);
    } else {
      System.out.printf(
          Locale.ROOT,
          "%s: A %.3f ms, B %.3f ms, B/A %.3f%n",
          what,
          nanos[0] / 1e6 / count,
          nanos[1] / 1e6 / count,
          (double) nanos[1] / nanos[0]);
    }
  }

  /** One build of the engine, called by reflection through its own class loader. */
  private static final class Engine {
    private final Constructor<?> siqs;
    private final Method findFactor;
    private final Object noListener;
    private final Object factorizer;
    private final Method factor;
    private final Method isComplete;

    Engine(String jar) throws Exception {
      ClassLoader loader =
          new URLClassLoader(
              new URL[] {Path.of(jar).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
      Class<?> siqsClass = loader.loadClass("io.factorfleet.engine.siqs.Siqs");
      Class<?> listener = loader.loadClass("io.factorfleet.engine.siqs.SiqsListener");
      siqs = siqsClass.getConstructor(BigInteger.class, int.class, BooleanSupplier.class, listener);
      findFactor = siqsClass.getMethod("findFactor");
      noListener = listener.getField("NONE").get(null);
      Class<?> factorizerClass = loader.loadClass("io.factorfleet.engine.Factorizer");
      factorizer = factorizerClass.getConstructor(Duration.class).newInstance(Duration.ofHours(1));
      factor = factorizerClass.getMethod("factor", BigInteger.class);
      isComplete = loader.loadClass("io.factorfleet.engine.Factorization").getMethod("isComplete");
    }

    long time(BigInteger n, boolean sieveOnly) throws Exception {
      BooleanSupplier never = () -> false;
      long start = System.nanoTime();
      boolean done;
      if (sieveOnly) {
        BigInteger found = (BigInteger) findFactor.invoke(siqs.newInstance(n, 1, never, noListener));
        done = found != null && n.mod(found).signum() == 0;
      } else {
        done = (Boolean) isComplete.invoke(factor.invoke(factorizer, n));
      }
      long elapsed = System.nanoTime() - start;
      if (!done) {
        throw new IllegalStateException("no factorization of " + n);
      }
      return elapsed;
    }
  }
}
