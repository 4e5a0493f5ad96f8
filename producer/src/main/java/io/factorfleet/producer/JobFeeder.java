package io.factorfleet.producer;

import io.factorfleet.producer.input.TokenSource;
import io.factorfleet.text.InvalidNumberException;
import io.factorfleet.text.NumberParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the input of a job into tasks as it streams in: valid numbers are gathered into batches of
 * the size a {@link BatchSizer} gives, of at most {@link #MAX_TASK_DIGITS} digits and of at most
 * {@link BatchSizer#TARGET} of the {@linkplain BatchSizer#costOf cost} it counts; an invalid token
 * is reported at its place in the input, between batches. Only one batch is held at a time.
 */
public final class JobFeeder {
  /**
   * Digits one task carries at most, whatever its size in numbers: the result of a task is at most
   * about 15 bytes per digit (the number, and every factor quoted, 2^k at worst), so results of
   * this many digits stay below the wire format's limit on a message.
   */
  public static final int MAX_TASK_DIGITS = 200_000;

  private static final long TARGET_NANOS = BatchSizer.TARGET.toNanos();

  /** What becomes of the input. */
  public interface Steps {
    /** Index for the next task, waiting while the job has too much in flight. */
    long nextTask() throws IOException, InterruptedException;

    /** Sends a task on its way. */
    void dispatch(long index, List<String> numbers) throws IOException, InterruptedException;

    /** Reports an invalid token at this point of the input. */
    void invalid(String message) throws IOException, InterruptedException;
  }

  /** What the input held. */
  public record Summary(long tasks, long numbers, long invalid) {}

  private final NumberParser parser;
  private final BatchSizer sizer;

  public JobFeeder(NumberParser parser, BatchSizer sizer) {
    this.parser = parser;
    this.sizer = sizer;
  }

  public Summary feed(TokenSource source, Steps steps) throws IOException, InterruptedException {
    Batch batch = new Batch(steps);
    long numbers = 0;
    long invalid = 0;
    for (String token = source.next(); token != null; token = source.next()) {
      String canonical;
      try {
        canonical = parser.canonical(token);
      } catch (InvalidNumberException e) {
        batch.send();
        steps.invalid(e.getMessage());
        invalid++;
        continue;
      }
      if (!batch.fits(canonical)) {
        batch.send();
      }
      batch.add(canonical);
      numbers++;
      if (batch.isFull()) {
        batch.send();
      }
    }
    batch.send();
    return new Summary(batch.tasks, numbers, invalid);
  }

  /**
   * The task being gathered. It starts with its first number, so the sizer is asked for the size of
   * a task only when there is a number to put in it.
   */
  private final class Batch {
    private final Steps steps;
    private List<String> numbers = List.of();
    private int limit;
    private int digits;
    private long nanos;
    private long tasks;

    Batch(Steps steps) {
      this.steps = steps;
    }

    /**
     * Whether {@code number} can join without the task going over {@link #MAX_TASK_DIGITS} or its
     * sizer's {@link BatchSizer#TARGET}; a task's first number always does.
     */
    boolean fits(String number) {
      return numbers.isEmpty()
          || (digits + number.length() <= MAX_TASK_DIGITS
              && sizer.costOf(number) <= TARGET_NANOS - nanos);
    }

    void add(String number) throws InterruptedException {
      if (numbers.isEmpty()) {
        limit = sizer.next();
        numbers = new ArrayList<>(limit);
        digits = 0;
        nanos = 0;
      }
      numbers.add(number);
      digits += number.length();
      nanos += sizer.costOf(number); // a first number may cost anything, those after it fit
    }

    boolean isFull() {
      return numbers.size() >= limit;
    }

    /** Dispatches the task gathered so far, if any. */
    void send() throws IOException, InterruptedException {
      if (!numbers.isEmpty()) {
        steps.dispatch(steps.nextTask(), numbers);
        tasks++;
        numbers = List.of();
      }
    }
  }
}
