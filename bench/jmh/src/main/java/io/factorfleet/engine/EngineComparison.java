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
 * Two builds of the engine side by side in one JVM, each in a class loader of its own, taking
 * turns number by number (who goes first alternates), so that a change in the machine's speed
 * weighs on both alike: the measurement behind a change to the engine, before against after.
 * Balanced semiprimes of the given digits; {@code siqs} times the quadratic sieve alone, {@code
 * factor} the whole {@code Factorizer} (trial division, ECM pretest, sieve). The first {@code
 * -Dwarm=30} numbers are run but not counted.
 *
 * <pre>
 * git stash &amp;&amp; ./mvnw -q -pl engine package -DskipTests \
 *     &amp;&amp; cp engine/target/fleet-engine-0.1.0-SNAPSHOT.jar /tmp/before.jar
 * git stash pop &amp;&amp; ./mvnw -q -pl engine package -DskipTests
 * java -cp bench/jmh/target/benchmarks.jar io.factorfleet.engine.EngineComparison \
 *     30 600 siqs /tmp/before.jar engine/target/fleet-engine-0.1.0-SNAPSHOT.jar
 * </pre>
 */
public final class EngineComparison {

  private EngineComparison() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 5 || !(args[2].equals("siqs") || args[2].equals("factor"))) {
      System.err.println("usage: EngineComparison DIGITS COUNT siqs|factor ENGINE_JAR_A ENGINE_JAR_B");
      System.exit(64);
    }
    int digits = Integer.parseInt(args[0]);
    int count = Integer.parseInt(args[1]);
    int warm = Integer.getInteger("warm", 30);
    boolean sieveOnly = args[2].equals("siqs");
    Engine[] engines = {new Engine(args[3]), new Engine(args[4])};
    Random random = new Random(digits * 7L);
    int bits = (int) Math.ceil(digits / Math.log10(2));
    long[] nanos = new long[2];
    for (int i = 0; i < warm + count; i++) {
      BigInteger n =
          BigInteger.probablePrime(bits / 2, random)
              .multiply(BigInteger.probablePrime(bits - bits / 2, random));
      for (int turn = 0; turn < 2; turn++) {
        int side = (turn + i) % 2;
        long elapsed = engines[side].time(n, sieveOnly);
        if (i >= warm) {
          nanos[side] += elapsed;
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%d balanced semiprimes of %d digits, %s, one thread: A %.3f ms, B %.3f ms, B/A %.3f%n",
        count,
        digits,
        sieveOnly ? "sieve alone" : "whole factorizations",
        nanos[0] / 1e6 / count,
        nanos[1] / 1e6 / count,
        (double) nanos[1] / nanos[0]);
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
