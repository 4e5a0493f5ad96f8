package io.factorfleet.cli;

import com.rabbitmq.client.Connection;
import io.factorfleet.control.ControlChannel;
import io.factorfleet.control.FleetCapacity;
import io.factorfleet.control.Hosts;
import io.factorfleet.control.WorkerQuestions;
import io.factorfleet.topology.Topology;
import io.factorfleet.wire.ControlMessage;
import java.io.IOException;
import java.time.Duration;

/**
 * A running job's place on the control exchange: it answers {@code fleet jobs} with the job's
 * status, hears a {@code fleet cancel} of the job and confirms it, and, for a job that paces itself
 * to the fleet, asks the workers every {@link WorkerQuestions#ASK_EVERY} how many tasks they take
 * at once.
 */
final class JobControl implements AutoCloseable {
  /** How long an interrupted command line waits for the broker to take its cancel. */
  static final Duration CANCEL_TIMEOUT = Duration.ofSeconds(2);

  /** What the job tells, and what becomes of it. */
  interface Owner {
    /** Numbers answered so far. */
    long done();

    /** Numbers in the job, or -1 while not known. */
    long total();

    /** The job was cancelled by {@code by}. */
    void cancelled(String by);

    /** The workers heard from within the last few seconds take {@code prefetch} tasks at once. */
    void fleetPrefetch(int prefetch);
  }

  private final String job;
  private final String command;
  private final String host = Hosts.local();
  private final long startedMillis = System.currentTimeMillis();
  private final Owner owner;
  private final FleetCapacity capacity = new FleetCapacity();
  private final ControlChannel channel;
  private final WorkerQuestions asker;

  /**
   * @param command {@code factor} or {@code submit}
   * @param paced whether the job asks the workers for their prefetch, to size its window
   */
  JobControl(
      Connection connection,
      Topology topology,
      String job,
      String command,
      Owner owner,
      boolean paced)
      throws IOException {
    this.job = job;
    this.command = command;
    this.owner = owner;
    this.channel = ControlChannel.open(connection, topology, this::on);
    this.asker = paced ? new WorkerQuestions(channel, () -> true) : null;
  }

  /** Who this job's owner is, as a cancel's confirmation names it. */
  String ownerName() {
    return "fleet " + command + " on " + host;
  }

  /**
   * Tells every worker and listener that this job is cancelled, waiting at most {@link
   * #CANCEL_TIMEOUT} for the broker to take it; returns whether it did.
   */
  boolean cancel(String why) {
    try {
      return channel.broadcastConfirmed(new ControlMessage.Cancel(job, why), CANCEL_TIMEOUT);
    } catch (IOException | RuntimeException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Tells the workers that the units of a hard number below {@code below} are not wanted. */
  void unitsDone(long number, long below) throws IOException {
    channel.broadcast(new ControlMessage.UnitsDone(job, number, below));
  }

  private void on(ControlMessage message, String replyTo) throws IOException {
    if (message instanceof ControlMessage.WorkerStatus worker) {
      long now = System.nanoTime();
      capacity.heard(worker.worker(), worker.prefetch(), now);
      owner.fleetPrefetch(capacity.prefetch(now));
    } else if (message instanceof ControlMessage.Query query
        && ControlMessage.Query.JOBS.equals(query.about())
        && replyTo != null) {
      channel.reply(
          replyTo,
          new ControlMessage.JobStatus(
              job, host, command, owner.done(), owner.total(), startedMillis));
    } else if (message instanceof ControlMessage.Cancel cancel && job.equals(cancel.job())) {
      if (replyTo != null) {
        channel.reply(replyTo, new ControlMessage.Cancelled(job, ownerName(), owner.done()));
      }
      owner.cancelled(cancel.by());
    }
  }

  @Override
  public void close() {
    if (asker != null) {
      asker.close();
    }
    channel.close();
  }
}
