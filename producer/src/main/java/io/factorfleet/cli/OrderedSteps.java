package io.factorfleet.cli;

import io.factorfleet.cli.output.OrderedOutput;
import io.factorfleet.producer.JobFeeder;
import java.io.IOException;
import java.util.List;

/**
 * Feeds a job whose results are printed in input order: tasks and errors take their place in the
 * output.
 */
record OrderedSteps(OrderedOutput output, Dispatch dispatch) implements JobFeeder.Steps {
  /** Where a task goes: the broker, or a local thread pool. */
  interface Dispatch {
    void dispatch(long index, List<String> numbers) throws IOException, InterruptedException;
  }

  @Override
  public long nextTask() throws IOException, InterruptedException {
    return output.expectTask();
  }

  @Override
  public void dispatch(long index, List<String> numbers) throws IOException, InterruptedException {
    dispatch.dispatch(index, numbers);
  }

  @Override
  public void invalid(String message) throws IOException, InterruptedException {
    output.addError(message);
  }
}
