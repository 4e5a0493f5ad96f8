package io.factorfleet.cli.local;

import io.factorfleet.cli.output.OutputFormat;
import io.factorfleet.cli.progress.HardNumbers;
import io.factorfleet.engine.Factorizer;
import io.factorfleet.producer.BatchSizer;
import io.factorfleet.text.GnuFormat;
import io.factorfleet.text.NumberParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * {@code fleet factor --local}: the fleet's engine in this process, with no broker. It is the
 * baseline the fleet is measured against, so it pays for nothing it does not need: input is parsed
 * into longs in chunks, each chunk factored and rendered to bytes on one of {@code threads}
 * threads, and chunks written in input order, at most {@code 2 × threads} in flight. Chunks are
 * sized as the fleet sizes its tasks ({@link BatchSizer}): cheap numbers in chunks of thousands, so
 * that handing a chunk between threads costs next to nothing, expensive ones in small chunks, so
 * that all threads stay busy to the end.
 */
public final class LocalFactoring {
  private final int threads;
  private final BatchSizer sizer;
  private final int maxDigits;
  private final OutputFormat format;
  private final GnuFormat gnu;
  private final HardNumbers hardNumbers;

  /**
   * @param format how factored numbers are printed: {@link OutputFormat#GNU} or {@link
   *     OutputFormat#JSONL}, which have no header
   * @param gnu how the GNU format lays out its lines: every factor, or repeated ones as {@code p^e}
   * @param hardNumbers where the numbers past the fast path are watched while factored, for a
   *     status line
   */
  public LocalFactoring(
      int threads,
      BatchSizer sizer,
      int maxDigits,
      OutputFormat format,
      GnuFormat gnu,
      HardNumbers hardNumbers) {
    this.threads = threads;
    this.sizer = sizer;
    this.maxDigits = maxDigits;
    this.format = format;
    this.gnu = gnu;
    this.hardNumbers = hardNumbers;
  }

  /**
   * Factors everything {@code reader} gives, writing {@code factor} lines to {@code out} and errors
   * to {@code err}. Returns whether any error was shown.
   */
  public boolean run(ChunkReader reader, OutputStream out, Writer err)
      throws IOException, InterruptedException {
    return threads == 1 ? runInline(reader, out, err) : runOnPool(reader, out, err);
  }

  public ChunkReader reader(InputStream in) {
    return ChunkReader.of(in, maxDigits);
  }

  public ChunkReader reader(List<String> arguments) {
    return ChunkReader.of(arguments, maxDigits);
  }

  /**
   * A hard number's quadratic sieve takes all {@code threads}: the input may hold that one number
   * alone, and when it holds several, extra sieve threads cost little beside the hours they save.
   */
  private ChunkFactorer factorer() {
    return new ChunkFactorer(
        new Factorizer(Factorizer.DEFAULT_BUDGET, threads),
        new NumberParser(maxDigits),
        format,
        gnu,
        hardNumbers);
  }

  private boolean runInline(ChunkReader reader, OutputStream out, Writer err)
      throws IOException, InterruptedException {
    ChunkFactorer factorer = factorer();
    ChunkFactorer.Rendered rendered = new ChunkFactorer.Rendered();
    boolean errors = false;
    while (true) {
      NumberChunk chunk = new NumberChunk(sizer.next());
      if (!reader.fill(chunk)) {
        break;
      }
      timed(factorer, chunk, rendered);
      errors |= rendered.writeTo(out, err);
    }
    out.flush();
    return errors;
  }

  /** Factors a chunk and tells the sizer how long it took. */
  private void timed(ChunkFactorer factorer, NumberChunk chunk, ChunkFactorer.Rendered into) {
    long start = System.nanoTime();
    factorer.factor(chunk, into);
    sizer.observe(chunk.size, System.nanoTime() - start);
  }

  private boolean runOnPool(ChunkReader reader, OutputStream out, Writer err)
      throws IOException, InterruptedException {
    ThreadLocal<ChunkFactorer> factorers = ThreadLocal.withInitial(this::factorer);
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
    ExecutorService writing = Executors.newSingleThreadExecutor(daemonThreads());
    BlockingQueue<CompletableFuture<ChunkFactorer.Rendered>> inOrder =
        new ArrayBlockingQueue<>(2 * threads);
    CompletableFuture<Boolean> writer =
        CompletableFuture.supplyAsync(() -> writeInOrder(inOrder, out, err), writing);
    try {
      while (true) {
        NumberChunk chunk = new NumberChunk(sizer.next());
        if (!reader.fill(chunk)) {
          break;
        }
        inOrder.put(
            CompletableFuture.supplyAsync(
                () -> {
                  ChunkFactorer.Rendered rendered = new ChunkFactorer.Rendered();
                  timed(factorers.get(), chunk, rendered);
                  return rendered;
                },
                pool));
      }
      inOrder.put(END);
      return writer.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } finally {
      pool.shutdownNow();
      writing.shutdownNow();
    }
  }

  /** Marks the end of the chunks. */
  private static final CompletableFuture<ChunkFactorer.Rendered> END = new CompletableFuture<>();

  private static boolean writeInOrder(
      BlockingQueue<CompletableFuture<ChunkFactorer.Rendered>> inOrder,
      OutputStream out,
      Writer err) {
    boolean errors = false;
    try {
      for (var next = inOrder.take(); next != END; next = inOrder.take()) {
        errors |= next.join().writeTo(out, err);
      }
      out.flush();
      return errors;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing", e);
    }
  }

  private static ThreadFactory daemonThreads() {
    return runnable -> {
      Thread thread = new Thread(runnable, "local-factoring");
      thread.setDaemon(true);
      return thread;
    };
  }
}
