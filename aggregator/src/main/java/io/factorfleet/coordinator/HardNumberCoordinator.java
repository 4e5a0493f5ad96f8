package io.factorfleet.coordinator;

import io.factorfleet.engine.FactorMethod;
import io.factorfleet.engine.FactoringListener;
import io.factorfleet.engine.Factorization;
import io.factorfleet.engine.Factorizer;
import io.factorfleet.engine.siqs.SieveCost;
import io.factorfleet.wire.NumberResult;
import io.factorfleet.wire.ResultMessage;
import io.factorfleet.wire.UnitResultMessage;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator of hard numbers: a number the engine expects to take longer than {@link
 * #SPLIT_FROM} on one thread is not sent to one worker as a task but split over the fleet, its ECM
 * and sieve work handed out as units ({@link FleetSplitter}). The rest of its factorization (trial
 * division, primality, the small parts) runs here, and its result is handed on as the answer to its
 * task, as a worker's would be. Hard numbers are worked on one at a time, in the order they come,
 * each by the whole fleet, whatever their jobs; the jobs' other tasks flow meanwhile. {@code fleet
 * factor} embeds one for its job; the aggregator service runs one for every job it collects, and
 * gives it the answers it spooled before a restart ({@link SpooledAnswers}).
 */
public final class HardNumberCoordinator implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HardNumberCoordinator.class);

  /**
   * A number the engine expects to take this long or more on one thread (about 58 digits and up for
   * a balanced semiprime) is split over the fleet; below, the time of a few units is not worth the
   * messages, and the number goes to a worker as a task.
   */
  public static final Duration SPLIT_FROM = Duration.ofSeconds(2);

  /** The time a hard number may take before its partial factorization is given. */
  public static final Duration BUDGET = Duration.ofHours(12);

  /** Who answers the tasks of hard numbers, as the result names it. */
  static final String ANSWERED_BY = "coordinator";

  private final UnitSender sender;
  private final IntSupplier unitsOut;
  private final SpooledAnswers spooled;
  private final Consumer<ResultMessage> results;
  private final Function<BigInteger, FactoringListener> listeners;
  private final Factorizer factorizer = new Factorizer(BUDGET);
  private final Map<String, FleetSplitter> splitting = new ConcurrentHashMap<>();
  private final Set<String> cancelled = ConcurrentHashMap.newKeySet();
  private final AtomicInteger waiting = new AtomicInteger();
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread t = new Thread(runnable, "hard-numbers");
            t.setDaemon(true);
            return t;
          });

  /**
   * @param unitsOut how many units the workers take at once, as they last said
   * @param spooled the answers to a number's units kept before its coordination started
   * @param results where the answer to a hard number's task goes, from the coordinator's thread
   * @param listeners for each hard number, who hears how its factorization goes
   */
  public HardNumberCoordinator(
      UnitSender sender,
      IntSupplier unitsOut,
      SpooledAnswers spooled,
      Consumer<ResultMessage> results,
      Function<BigInteger, FactoringListener> listeners) {
    this.sender = sender;
    this.unitsOut = unitsOut;
    this.spooled = spooled;
    this.results = results;
    this.listeners = listeners;
  }

  /** Whether a number, in canonical decimal, is split over the fleet rather than sent as a task. */
  public static boolean isHard(String canonical) {
    // 3.33 bits a digit at most: a number of d digits has at least (d - 1) * 3.32 bits
    int bits = (int) ((canonical.length() - 1) * 3.32);
    return bits > 64 && SieveCost.nanos(bits) >= SPLIT_FROM.toNanos();
  }

  /**
   * Factors the number of task {@code task} of {@code job} over the fleet, once the hard numbers
   * handed over before it are.
   */
  public void factor(String job, long task, String number) {
    waiting.incrementAndGet();
    thread.execute(
        () -> {
          try {
            if (!cancelled.contains(job)) {
              ResultMessage answer = answer(job, task, number);
              if (!cancelled.contains(job)) {
                results.accept(answer);
              }
            }
          } finally {
            waiting.decrementAndGet();
          }
        });
  }

  /** Hard numbers handed over and not answered yet, the one being worked on included. */
  public int pending() {
    return waiting.get();
  }

  /**
   * Stops the hard numbers of a cancelled job: the one being worked on tells the workers its units
   * are done and gives no answer, and those waiting are dropped.
   */
  public void cancel(String job) {
    cancelled.add(job);
  }

  /** Takes an answer to a unit; false when no number is being worked on for it. */
  public boolean accept(UnitResultMessage answer) {
    FleetSplitter splitter = splitting.get(key(answer.job(), answer.number()));
    if (splitter == null) {
      return false;
    }
    splitter.accept(answer);
    return true;
  }

  private static String key(String job, long task) {
    return job + "/" + task;
  }

  private ResultMessage answer(String job, long task, String number) {
    long started = System.nanoTime();
    NumberResult result;
    String key = key(job, task);
    try {
      BigInteger n = new BigInteger(number);
      FleetSplitter splitter = splitter(job, task, key);
      log.info(
          "factoring number {} of job {} over the fleet: {} digits", task, job, number.length());
      FactoringListener listener = listeners.apply(n);
      Factorization f = factorizer.factor(n, listener, splitter);
      if (listener instanceof AutoCloseable closeable) {
        closeable.close();
      }
      List<String> factors = f.primes().stream().map(BigInteger::toString).toList();
      List<String> methods = f.methods().stream().map(FactorMethod::label).toList();
      result =
          f.isComplete()
              ? NumberResult.complete(number, factors, methods)
              : NumberResult.partial(number, factors, f.cofactor().toString(), methods);
    } catch (UnitRefusedException e) {
      log.error("the fleet could not factor {}: {}", number, e.getMessage());
      result =
          NumberResult.refused(
              number, "the fleet could not factor " + number + ": " + e.getMessage());
    } catch (Exception e) {
      log.error("the fleet could not factor {}", number, e);
      result = NumberResult.refused(number, "the fleet could not factor " + number + ": " + e);
    } finally {
      splitting.remove(key);
    }
    return ResultMessage.of(job, task, ANSWERED_BY, System.nanoTime() - started, List.of(result));
  }

  /**
   * The splitter of a number, taking answers from now on; it reads the answers kept before once it
   * starts, so that an answer kept meanwhile is counted at least once (and again as a duplicate).
   */
  private FleetSplitter splitter(String job, long task, String key) {
    FleetSplitter splitter =
        new FleetSplitter(
            job, task, sender, unitsOut, SPLIT_FROM, spooled, () -> cancelled.contains(job));
    splitting.put(key, splitter);
    return splitter;
  }

  /** Stops the number being worked on, if any; the units out are left to their leases. */
  @Override
  public void close() {
    thread.shutdownNow();
  }
}
