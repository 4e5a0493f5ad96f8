package io.factorfleet.producer;

import io.factorfleet.producer.input.TokenSource;
import io.factorfleet.text.InvalidNumberException;
import io.factorfleet.text.NumberParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the input of a job into tasks as it streams in: valid numbers are gathered into batches of
 * the size a {@link BatchSizer} gives; an invalid token is reported at its place in the input,
 * between batches. Only one batch is held at a time.
 */
public final class JobFeeder {
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
    int limit = sizer.next();
    List<String> batch = new ArrayList<>(limit);
    long tasks = 0;
    long numbers = 0;
    long invalid = 0;
    for (String token = source.next(); token != null; token = source.next()) {
      String canonical;
      try {
        canonical = parser.canonical(token);
      } catch (InvalidNumberException e) {
        if (!batch.isEmpty()) {
          steps.dispatch(steps.nextTask(), batch);
          tasks++;
          limit = sizer.next();
          batch = new ArrayList<>(limit);
        }
        steps.invalid(e.getMessage());
        invalid++;
        continue;
      }
      batch.add(canonical);
      numbers++;
      if (batch.size() >= limit) {
        steps.dispatch(steps.nextTask(), batch);
        tasks++;
        limit = sizer.next();
        batch = new ArrayList<>(limit);
      }
    }
    if (!batch.isEmpty()) {
      steps.dispatch(steps.nextTask(), batch);
      tasks++;
    }
    return new Summary(tasks, numbers, invalid);
  }
}
