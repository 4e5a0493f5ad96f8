package io.factorfleet.wire;

/**
 * A message on the fleet's control exchange: a cancel, a question to every process, or an answer to
 * one. Control messages are small, transient and best effort: a process that misses one (it was not
 * running, or its connection was down) misses it for good.
 */
public sealed interface ControlMessage
    permits ControlMessage.Cancel,
        ControlMessage.Cancelled,
        ControlMessage.Query,
        ControlMessage.JobStatus,
        ControlMessage.WorkerStatus,
        ControlMessage.UnitsDone {

  /** The AMQP {@code type} property that tells this message apart. */
  String type();

  /**
   * Stop the job: workers acknowledge its tasks without factoring them, its owner stops it.
   *
   * @param job the job to stop
   * @param by who asked, for the owner's message: {@code fleet cancel on HOST}, say
   */
  record Cancel(String job, String by) implements ControlMessage {
    public static final String TYPE = "fleet.cancel";

    @Override
    public String type() {
      return TYPE;
    }
  }

  /**
   * The owner of a job answering a {@link Cancel}: the job is stopped.
   *
   * @param owner what the owner is, such as {@code fleet factor on HOST}
   * @param done numbers answered when it stopped
   */
  record Cancelled(String job, String owner, long done) implements ControlMessage {
    public static final String TYPE = "fleet.cancelled";

    @Override
    public String type() {
      return TYPE;
    }
  }

  /**
   * A question to every process: {@link #JOBS} is answered with a {@link JobStatus} by the owner of
   * every job in flight, {@link #WORKERS} with a {@link WorkerStatus} by every worker.
   */
  record Query(String about) implements ControlMessage {
    public static final String TYPE = "fleet.query";
    public static final String JOBS = "jobs";
    public static final String WORKERS = "workers";

    public Query {
      if (!JOBS.equals(about) && !WORKERS.equals(about)) {
        throw new IllegalArgumentException("a query is about jobs or workers, not " + about);
      }
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /**
   * A job in flight, as its owner sees it.
   *
   * @param host where the job was started
   * @param command {@code factor} or {@code submit}
   * @param done numbers answered so far
   * @param total numbers in the job, or -1 while not known
   * @param startedMillis when the job started, in milliseconds since the epoch
   */
  record JobStatus(
      String job, String host, String command, long done, long total, long startedMillis)
      implements ControlMessage {
    public static final String TYPE = "fleet.job-status";

    @Override
    public String type() {
      return TYPE;
    }
  }

  /**
   * A worker and how many tasks the broker may hand it at once.
   *
   * @param prefetch the prefetch of the worker's consumer: its threads times its prefetch per
   *     thread
   */
  record WorkerStatus(String worker, int prefetch) implements ControlMessage {
    public static final String TYPE = "fleet.worker-status";

    @Override
    public String type() {
      return TYPE;
    }
  }

  /**
   * The coordinator of a hard number needs no more of the units it has issued so far: workers drop
   * those still queued and stop those running. Sent when the number has enough relations or a
   * factor; units issued later, if more relations are needed after all, are not affected.
   *
   * @param job the job of the number
   * @param number the index of the task that holds the number
   * @param below units with an index below this are done
   */
  record UnitsDone(String job, long number, long below) implements ControlMessage {
    public static final String TYPE = "fleet.units-done";

    @Override
    public String type() {
      return TYPE;
    }
  }
}
