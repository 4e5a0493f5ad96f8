package io.factorfleet.cli.output;

import io.factorfleet.aggregator.ResultLines;
import io.factorfleet.aggregator.ResultSink;
import io.factorfleet.text.GnuFormat;
import io.factorfleet.text.LineBuffer;
import io.factorfleet.wire.NumberResult;
import io.factorfleet.wire.ResultMessage;
import io.factorfleet.wire.SealMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Prints a job's results in input order as they arrive in any order, the way {@code fleet factor}
 * shows them: {@code factor} lines on standard output, errors on standard error at the point of the
 * input where they belong.
 *
 * <p>It holds at most {@code capacity} entries (tasks sent but not printed, and errors waiting
 * behind them): whoever adds one more waits until the oldest is printed. That bounds the memory of
 * a job of any length, and paces the producer to the fleet.
 */
public final class OrderedOutput implements ResultSink {
  /** Lines held before they are written out; a task's lines are written once it is printed. */
  private static final int WRITE_THRESHOLD = 1 << 16;

  private final String job;
  private final OutputStream out;
  private final Writer err;
  private final String program;
  private int capacity;
  private final OutputFormat format;
  private final GnuFormat gnu;
  private final LineBuffer lines = new LineBuffer(WRITE_THRESHOLD);

  /** Entries in input order: a Long is a task index, a String an error message. */
  private final ArrayDeque<Object> entries = new ArrayDeque<>();

  private final Map<Long, ResultMessage> arrived = new HashMap<>();
  private volatile long numbersAnswered;
  private boolean headerWritten;
  private long tasksExpected;
  private long firstUnprinted;
  private long sealedTasks = -1;
  private boolean errorsShown;
  private IOException failure;

  public OrderedOutput(String job, OutputStream out, Writer err, String program, int capacity) {
    this(job, out, err, program, capacity, OutputFormat.GNU);
  }

  public OrderedOutput(
      String job, OutputStream out, Writer err, String program, int capacity, OutputFormat format) {
    this(job, out, err, program, capacity, format, GnuFormat.EVERY_FACTOR);
  }

  /**
   * @param out where the lines of factored numbers go, as bytes (UTF-8)
   * @param err where errors go
   * @param format how factored numbers are printed
   * @param gnu the layout of the GNU format's lines, with or without exponents
   */
  public OrderedOutput(
      String job,
      OutputStream out,
      Writer err,
      String program,
      int capacity,
      OutputFormat format,
      GnuFormat gnu) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    this.job = job;
    this.out = out;
    this.err = err;
    this.program = program;
    this.capacity = capacity;
    this.format = format;
    this.gnu = gnu;
  }

  /**
   * Makes room for the next task of the job, waiting while the output is full; returns its index.
   */
  public synchronized long expectTask() throws InterruptedException, IOException {
    awaitRoom();
    long index = tasksExpected++;
    entries.addLast(index);
    return index;
  }

  /** Shows an error for the input at this point, once everything before it is printed. */
  public synchronized void addError(String message) throws InterruptedException, IOException {
    awaitRoom();
    entries.addLast(message);
    printReady();
  }

  @Override
  public synchronized boolean accept(ResultMessage result) {
    if (!job.equals(result.job())) {
      throw new UnknownTaskException(
          "result of job " + result.job() + " in the reply queue of " + job);
    }
    long task = result.task();
    if (task >= tasksExpected) {
      throw new UnknownTaskException("job " + job + " has no task " + task + " yet");
    }
    if (task < firstUnprinted || arrived.containsKey(task)) {
      return false;
    }
    arrived.put(task, result);
    printReady();
    return true;
  }

  @Override
  public synchronized void seal(SealMessage seal) {
    if (!job.equals(seal.job()) || seal.tasks() != tasksExpected) {
      throw new UnknownTaskException(
          "seal of job "
              + seal.job()
              + " with "
              + seal.tasks()
              + " tasks does not match job "
              + job
              + " with "
              + tasksExpected);
    }
    sealedTasks = seal.tasks();
    notifyAll();
  }

  /**
   * Holds at most {@code capacity} entries from now on: more lets the job publish more, fewer holds
   * the next task back until enough are printed.
   */
  public synchronized void resize(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    this.capacity = capacity;
    notifyAll();
  }

  /** Entries held at most. */
  public synchronized int capacity() {
    return capacity;
  }

  /** Gives up on the job: whoever waits on this output is woken with {@code cause}. */
  public synchronized void fail(Throwable cause) {
    if (failure == null) {
      failure = cause instanceof IOException io ? io : new IOException(cause.toString(), cause);
    }
    notifyAll();
  }

  /** Waits until the job is sealed and every result is printed. */
  public synchronized void awaitCompletion() throws InterruptedException, IOException {
    while (!isComplete() && failure == null) {
      wait();
    }
    if (failure != null) {
      throw failure;
    }
  }

  public synchronized boolean isComplete() {
    return sealedTasks >= 0 && firstUnprinted == sealedTasks && entries.isEmpty();
  }

  /** Numbers printed so far, factored or not; readable from any thread. */
  public long numbersAnswered() {
    return numbersAnswered;
  }

  /** Whether any error was shown: invalid input, or a number not fully factored. */
  public synchronized boolean errorsShown() {
    return errorsShown;
  }

  private void awaitRoom() throws InterruptedException, IOException {
    while (entries.size() >= capacity && failure == null) {
      wait();
    }
    if (failure != null) {
      throw failure;
    }
  }

  private void printReady() {
    boolean printed = false;
    try {
      if (!headerWritten) {
        headerWritten = true;
        Optional<String> header = format.header();
        if (header.isPresent()) {
          lines.utf8(header.get()).put('\n');
          printed = true;
        }
      }
      while (!entries.isEmpty()) {
        Object head = entries.peekFirst();
        if (head instanceof String message) {
          printError(message);
        } else {
          ResultMessage result = arrived.remove((Long) head);
          if (result == null) {
            break;
          }
          for (NumberResult r : result.results()) {
            if (r.isComplete()) {
              format.appendLine(r, result, gnu, lines);
              lines.put('\n');
            } else {
              printError(ResultLines.errorMessage(r));
            }
          }
          if (lines.length() >= WRITE_THRESHOLD) {
            writeLines();
          }
          numbersAnswered += result.results().size();
          firstUnprinted = (Long) head + 1;
        }
        entries.removeFirst();
        printed = true;
      }
      if (printed) {
        writeLines();
        out.flush();
        err.flush();
      }
    } catch (IOException e) {
      failure = e;
      notifyAll();
    }
    if (printed) {
      notifyAll();
    }
  }

  private void printError(String message) throws IOException {
    writeLines();
    out.flush();
    err.write(program + ": " + message + "\n");
    errorsShown = true;
  }

  private void writeLines() throws IOException {
    lines.writeTo(out);
    lines.reset();
  }
}
