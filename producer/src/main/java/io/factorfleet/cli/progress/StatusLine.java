package io.factorfleet.cli.progress;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

/**
 * A progress line kept at the bottom of a terminal, redrawn a few times a second. Whatever else is
 * written to the terminal goes through {@link #guard(Writer)}, which takes the line away first, so
 * that results and errors never mix with it. {@link #off()} shows nothing and guards nothing.
 */
public final class StatusLine implements AutoCloseable {
  private static final Duration REFRESH = Duration.ofMillis(200);

  private final Writer terminal;
  private final int width;
  private final long total;
  private final Object lock = new Object();
  private final long startNanos = System.nanoTime();
  private ScheduledExecutorService ticker;
  private boolean shown;

  private StatusLine(Writer terminal, int width, long total) {
    this.terminal = terminal;
    this.width = width;
    this.total = total;
  }

  /**
   * A line on {@code terminal}, shown once {@link #start} is called.
   *
   * @param width columns of the terminal
   * @param total numbers in the job, or a negative number when unknown
   */
  public static StatusLine on(Writer terminal, int width, long total) {
    if (width < 2) {
      throw new IllegalArgumentException("terminal width must be at least 2, got " + width);
    }
    return new StatusLine(terminal, width, total);
  }

  /** A line that is never shown: for pipes, files and tests. */
  public static StatusLine off() {
    return new StatusLine(null, 0, -1);
  }

  /** Starts redrawing the line with the count {@code done} gives. */
  public void start(LongSupplier done) {
    start(done, width -> "");
  }

  /**
   * Starts redrawing the line with the count {@code done} gives, or, while {@code instead} gives a
   * text for the terminal's width, that text.
   */
  public void start(LongSupplier done, IntFunction<String> instead) {
    start(
        width -> {
          String text = instead.apply(width);
          return !text.isEmpty()
              ? text
              : ProgressLine.render(
                  done.getAsLong(), total, Duration.ofNanos(System.nanoTime() - startNanos), width);
        });
  }

  /**
   * Starts redrawing the line with the text {@code text} gives for the terminal's width; while it
   * gives an empty text, no line is shown.
   */
  public void start(IntFunction<String> text) {
    if (terminal == null) {
      return;
    }
    ticker =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "progress");
              thread.setDaemon(true);
              return thread;
            });
    ticker.scheduleAtFixedRate(
        () -> draw(text.apply(width)), 0, REFRESH.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** {@code writer}, taking the line away before each write; unchanged when the line is off. */
  public Writer guard(Writer writer) {
    if (terminal == null) {
      return writer;
    }
    return new Writer() {
      @Override
      public void write(char[] chars, int offset, int length) throws IOException {
        synchronized (lock) {
          hide();
          writer.write(chars, offset, length);
        }
      }

      @Override
      public void flush() throws IOException {
        writer.flush();
      }

      @Override
      public void close() throws IOException {
        writer.close();
      }
    };
  }

  /** {@code stream}, taking the line away before each write; unchanged when the line is off. */
  public OutputStream guard(OutputStream stream) {
    if (terminal == null) {
      return stream;
    }
    return new FilterOutputStream(stream) {
      @Override
      public void write(int b) throws IOException {
        synchronized (lock) {
          hide();
          out.write(b);
        }
      }

      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        synchronized (lock) {
          hide();
          out.write(bytes, offset, length);
        }
      }
    };
  }

  private void draw(String line) {
    synchronized (lock) {
      try {
        if (line.isEmpty()) {
          hide();
          return;
        }
        terminal.write("\r" + line + " ".repeat(width - 1 - line.length()));
        terminal.flush();
        shown = true;
      } catch (IOException e) {
        ticker.shutdown(); // the terminal is gone; so is the point of the line
      }
    }
  }

  private void hide() throws IOException {
    if (shown) {
      terminal.write("\r" + " ".repeat(width - 1) + "\r");
      terminal.flush();
      shown = false;
    }
  }

  /** Stops redrawing and takes the line away. */
  @Override
  public void close() throws InterruptedException {
    if (ticker == null) {
      return;
    }
    ticker.shutdownNow();
    ticker.awaitTermination(1, TimeUnit.SECONDS);
    synchronized (lock) {
      try {
        hide();
      } catch (IOException e) {
        // the terminal is gone
      }
    }
  }
}
