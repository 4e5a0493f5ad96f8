package io.factorfleet.aggregator.service;

import io.factorfleet.aggregator.Aggregator.Outcome;
import io.factorfleet.aggregator.ResultSink;
import io.factorfleet.aggregator.service.SpoolEntry.Recording;
import io.factorfleet.metrics.FleetMetrics;
import io.factorfleet.results.JobStatus;
import io.factorfleet.wire.ResultMessage;
import io.factorfleet.wire.SealMessage;
import io.factorfleet.wire.UnitResultMessage;
import io.factorfleet.wire.WireCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The aggregator service's store. The results of a job still being collected go to its {@link
 * JobJournal} in {@code .spool/<job>/}, in batches: a batch is written, made durable once per job
 * it touches, and only then counted as recorded (and acknowledged by the caller), so a restart
 * loses nothing and a redelivered reply is recognised as a duplicate. Once a job is sealed and
 * every task is in, its lines are copied in task order into {@code <job>.txt}, its errors, if any,
 * into {@code <job>.errors.txt}, and its counts and task info into {@code .jobs/<job>.info} (see
 * {@link FinishedJobs}), and its journal is deleted.
 *
 * <p>A job fails when its replies contradict each other (a seal that says fewer tasks than have
 * arrived, or a second seal that says otherwise than the first) or when its journal or output
 * cannot be written: the reason is kept in {@code .jobs/<job>.failed}, its status says {@code
 * failed}, its replies from then on are refused (the service dead-letters them), and its journal is
 * kept as it was until the job is deleted.
 *
 * <p>A hard number ({@link SpoolEntry.HardNumber}) is recorded in its job's journal and waits there
 * until its answer is recorded as its task's; meanwhile the answers to its units go to its {@link
 * RelationFile}, durable before they are acknowledged like results, so that a restarted service
 * finds both and coordinates the number again from where it was.
 *
 * <p>Safe to call from several threads: one records, others ask for status or delete.
 */
public final class SpoolDirectory implements ResultSink, AutoCloseable {
  /** How the reason of a cancelled job begins. */
  public static final String CANCELLED_BY = "cancelled by ";

  private static final Logger log = LoggerFactory.getLogger(SpoolDirectory.class);
  private static final String SPOOL = ".spool";

  private final Path dataDir;
  private final FleetMetrics metrics;
  private final FinishedJobs finished;
  private final Map<String, JobJournal> jobs = new HashMap<>();
  private final Map<String, String> failed = new HashMap<>();
  private final Map<String, Long> startedMillis = new HashMap<>();
  private final Map<String, String> hosts = new HashMap<>();
  private final CancelsOfUnseenJobs unseenCancels = new CancelsOfUnseenJobs();
  private final WireCodec codec = new WireCodec();
  private long jobsCompleted;

  public SpoolDirectory(Path dataDir) throws IOException {
    this(dataDir, FleetMetrics.NONE);
  }

  /**
   * @param metrics where completed jobs are counted
   */
  public SpoolDirectory(Path dataDir, FleetMetrics metrics) throws IOException {
    this.dataDir = dataDir;
    this.metrics = metrics;
    Files.createDirectories(dataDir.resolve(SPOOL));
    this.finished = new FinishedJobs(dataDir);
  }

  /**
   * How many tasks of {@code job} the spool in {@code dataDir} holds durably right now, read
   * without a service: what a service started now would find recorded. 0 when the job is not being
   * collected (never seen, or already written).
   */
  public static long tasksRecorded(Path dataDir, String job) throws IOException {
    return JobJournal.tasksIn(dataDir.resolve(SPOOL).resolve(job).resolve(JobJournal.FILE));
  }

  /** Opens the journals a previous run left, and finishes the jobs whose last task was in. */
  public synchronized void recover() throws IOException {
    try (Stream<Path> spooled = Files.list(dataDir.resolve(SPOOL))) {
      for (Path dir : spooled.toList()) {
        String job = dir.getFileName().toString();
        if (finished.isWritten(job)) {
          deleteTree(dir); // written just before a crash, but not yet cleaned up
          continue;
        }
        String failure = finished.failure(job);
        if (failure != null) {
          failed.put(job, failure); // its journal is kept as it was
          continue;
        }
        EarlierSpool.convert(dir);
        JobJournal journal = journal(job);
        if (journal.isComplete()) {
          complete(job, journal);
        }
      }
    }
  }

  /**
   * The hard numbers recorded and not answered yet, of every job being collected: after {@link
   * #recover()}, those an earlier run left, to coordinate again.
   */
  synchronized List<SpoolEntry.HardNumber> hardNumbersWaiting() {
    List<SpoolEntry.HardNumber> waiting = new ArrayList<>();
    jobs.forEach(
        (job, journal) ->
            journal
                .hardNumbers()
                .forEach(
                    (task, number) -> waiting.add(new SpoolEntry.HardNumber(job, task, number))));
    return waiting;
  }

  /**
   * The answers to the units of the hard number of task {@code number} of {@code job} recorded so
   * far, in the order recorded; none when the number is not waiting for its answer.
   */
  public synchronized List<UnitResultMessage> unitAnswers(String job, long number)
      throws IOException {
    JobJournal journal = jobs.get(job);
    if (journal == null || !journal.hasHardNumber(number) || !journal.hasRelationFile(number)) {
      return List.of();
    }
    return journal.relationFile(number).answers(codec);
  }

  /** The output file of a job. */
  public Path outputOf(String job) {
    return finished.outputOf(job);
  }

  /** The error file of a job; it exists only when some number could not be factored. */
  public Path errorsOf(String job) {
    return finished.errorsOf(job);
  }

  /** The counts and task info of a written job; see {@link TaskInfo}. */
  public Path infoOf(String job) {
    return finished.infoOf(job);
  }

  public synchronized long jobsCompleted() {
    return jobsCompleted;
  }

  /**
   * Records a batch of entries: writes them, makes them durable with one force per job they belong
   * to, and counts them; then writes the jobs they complete. A job whose entries contradict each
   * other, or whose journal or output cannot be written, fails; its entries are refused, and the
   * rest of the batch is recorded.
   *
   * @return what became of each entry, in the batch's order
   * @throws IOException when the data directory cannot be read; none of the batch is recorded then
   */
  public synchronized List<Recording> record(List<? extends SpoolEntry> batch) throws IOException {
    Map<String, JobJournal> touched = new LinkedHashMap<>();
    Map<String, Long> sizes = new HashMap<>();
    Map<String, BitSet> tasksInBatch = new HashMap<>();
    Map<String, SealMessage> sealsInBatch = new HashMap<>();
    Map<String, String> failing = new LinkedHashMap<>();
    AnswerBatch answers = new AnswerBatch();
    List<Recording> recordings = new ArrayList<>(batch.size());
    try {
      for (SpoolEntry entry : batch) {
        String job = entry.job();
        if (entry instanceof SpoolEntry.UnitAnswer answer) {
          recordings.add(answers.place(answer, jobs.get(job), failing));
          continue;
        }
        if (!failing.containsKey(job) && isCancelled(job)) {
          recordings.add(Recording.of(Outcome.DROPPED));
          continue;
        }
        if (failing.containsKey(job) || (!jobs.containsKey(job) && hasFailed(job))) {
          recordings.add(null); // refused below, with the reason
          continue;
        }
        if (!jobs.containsKey(job) && finished.isWritten(job)) {
          recordings.add(Recording.of(isSeal(entry) ? Outcome.SEALED : Outcome.DUPLICATE));
          continue;
        }
        JobJournal journal = touched.get(job);
        if (journal == null) {
          try {
            journal = journal(job);
          } catch (IOException e) {
            failing.put(job, "its journal cannot be opened: " + e);
            recordings.add(null);
            continue;
          }
          touched.put(job, journal);
          sizes.put(job, journal.size());
        }
        BitSet inBatch = tasksInBatch.computeIfAbsent(job, j -> new BitSet());
        SealMessage seal = sealsInBatch.get(job);
        SealMessage sealed = seal != null ? seal : journal.seal();
        try {
          if (entry instanceof TaskRecord task) {
            recordings.add(place(task, journal, inBatch, sealed));
          } else if (entry instanceof SpoolEntry.HardNumber hard) {
            recordings.add(place(hard, journal, inBatch, sealed));
          } else {
            SealMessage message = ((SpoolEntry.Seal) entry).message();
            recordings.add(seal(message, journal, inBatch, sealed));
            if (message.host() != null) {
              hosts.put(job, message.host());
            }
            if (sealed == null) {
              sealsInBatch.put(job, message);
            }
          }
        } catch (Contradiction e) {
          failing.put(job, e.getMessage());
          recordings.add(null);
        } catch (IOException e) {
          failing.put(job, "its journal cannot be written: " + e);
          recordings.add(null);
        }
      }
      for (Map.Entry<String, JobJournal> job : touched.entrySet()) {
        if (!failing.containsKey(job.getKey())
            && job.getValue().size() != sizes.get(job.getKey())) {
          try {
            job.getValue().force();
          } catch (IOException e) {
            failing.put(job.getKey(), "its journal cannot be made durable: " + e);
          }
        }
      }
      answers.force(failing);
    } catch (IOException | RuntimeException e) {
      for (Map.Entry<String, JobJournal> job : touched.entrySet()) {
        rollBack(job.getKey(), job.getValue(), sizes.get(job.getKey()));
      }
      answers.rollBack(job -> true);
      throw e;
    }
    answers.rollBack(failing::containsKey);
    for (Map.Entry<String, String> failure : failing.entrySet()) {
      String job = failure.getKey();
      fail(job, failure.getValue(), touched.remove(job), sizes.get(job));
    }
    for (int i = 0; i < batch.size(); i++) {
      String job = batch.get(i).job();
      if (recordings.get(i) == null || failing.containsKey(job)) {
        recordings.set(i, Recording.refused("job " + job + " failed: " + failed.get(job)));
      }
    }
    count(batch, recordings, sealsInBatch);
    for (Map.Entry<String, JobJournal> job : touched.entrySet()) {
      if (job.getValue().isComplete()) {
        try {
          complete(job.getKey(), job.getValue());
        } catch (IOException e) {
          fail(job.getKey(), "its output cannot be written: " + e, job.getValue(), null);
        }
      }
    }
    return recordings;
  }

  /** Why the replies of one job cannot all be true. */
  private static final class Contradiction extends Exception {
    Contradiction(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Whether {@code job} was cancelled: while being collected, or before its first reply came (for
   * as long as {@link CancelsOfUnseenJobs} remembers it).
   */
  private boolean isCancelled(String job) throws IOException {
    if (jobs.containsKey(job)) {
      return false;
    }
    if (unseenCancels.contains(job, System.currentTimeMillis())) {
      return true;
    }
    String failure = failed.containsKey(job) ? failed.get(job) : finished.failure(job);
    return failure != null && failure.startsWith(CANCELLED_BY);
  }

  /**
   * Cancels a job: a job being collected stops, what was recorded of it is deleted, and it reads as
   * failed, {@code cancelled by …}; its replies that still come are dropped. A job not seen yet is
   * remembered for a while, so that its replies are dropped as they come.
   *
   * @param by who cancelled it, for the log and the job's status
   * @return the numbers recorded of the job when it was being collected, otherwise -1
   */
  public synchronized long cancel(String job, String by) throws IOException {
    JobJournal journal = jobs.remove(job);
    if (journal == null) {
      if (!finished.isWritten(job) && !hasFailed(job)) {
        unseenCancels.add(job, System.currentTimeMillis());
      }
      return -1;
    }
    long numbers = journal.numbers();
    startedMillis.remove(job);
    hosts.remove(job);
    closeQuietly(journal);
    deleteTree(spoolOf(job));
    String reason = CANCELLED_BY + by;
    failed.put(job, reason);
    log.info(
        "job {} cancelled by {}: the results of its {} numbers recorded so far are discarded",
        job,
        by,
        numbers);
    try {
      finished.markFailed(job, reason);
    } catch (IOException e) {
      log.error("could not record on disk that job {} was cancelled", job, e);
    }
    return numbers;
  }

  /** The jobs being collected, as {@code fleet jobs} lists them. */
  public synchronized List<RunningJob> running() {
    List<RunningJob> running = new ArrayList<>(jobs.size());
    for (Map.Entry<String, JobJournal> job : jobs.entrySet()) {
      JobJournal journal = job.getValue();
      running.add(
          new RunningJob(
              job.getKey(),
              journal.numbers(),
              journal.sealedTasks() < 0 ? -1 : journal.sealedNumbers(),
              startedMillis.getOrDefault(job.getKey(), System.currentTimeMillis()),
              hosts.get(job.getKey())));
    }
    return running;
  }

  /**
   * A job being collected.
   *
   * @param numbersRecorded numbers whose results are recorded
   * @param numbers numbers in the job, or -1 until its seal has come
   * @param startedMillis when this service first saw it (or started, for a job of an earlier run)
   * @param host where the job was started, as its seal says; null before the seal, or when it does
   *     not say, or for a job of an earlier run of the service
   */
  public record RunningJob(
      String job, long numbersRecorded, long numbers, long startedMillis, String host) {}

  /** Whether {@code job}, not being collected, has failed, in this run or an earlier one. */
  private boolean hasFailed(String job) throws IOException {
    if (failed.containsKey(job)) {
      return true;
    }
    String failure = finished.failure(job);
    if (failure != null) {
      failed.put(job, failure);
    }
    return failure != null;
  }

  /**
   * Marks {@code job} failed: keeps the reason, on disk as well when it can, and stops collecting
   * it; its journal is kept, cut back to {@code size} when that is given, for whoever looks into
   * it.
   */
  private void fail(String job, String reason, JobJournal journal, Long size) {
    log.error(
        "job {} failed: {}; its replies go to the dead-letter queue from now on", job, reason);
    failed.put(job, reason);
    jobs.remove(job);
    startedMillis.remove(job);
    hosts.remove(job);
    if (journal != null) {
      if (size != null) {
        rollBack(job, journal, size);
      }
      closeQuietly(journal);
    }
    try {
      finished.markFailed(job, reason);
    } catch (IOException e) {
      log.error("could not record on disk that job {} failed; a restart collects it again", job, e);
    }
  }

  private static boolean isSeal(SpoolEntry entry) {
    return entry instanceof SpoolEntry.Seal;
  }

  private static Recording place(
      TaskRecord task, JobJournal journal, BitSet inBatch, SealMessage sealed) throws IOException {
    if (sealed != null && task.task() >= sealed.tasks()) {
      return Recording.refused(
          "job " + task.job() + " has " + sealed.tasks() + " tasks, not " + (task.task() + 1));
    }
    if (task.task() > Integer.MAX_VALUE) {
      return Recording.refused("task index " + task.task() + " is out of range");
    }
    if (journal.hasTask(task.task()) || inBatch.get((int) task.task())) {
      return Recording.of(Outcome.DUPLICATE);
    }
    journal.append(task);
    inBatch.set((int) task.task());
    return Recording.of(Outcome.ACCEPTED);
  }

  private static Recording place(
      SpoolEntry.HardNumber hard, JobJournal journal, BitSet inBatch, SealMessage sealed)
      throws IOException {
    if (sealed != null && hard.task() >= sealed.tasks()) {
      return Recording.refused(
          "job " + hard.job() + " has " + sealed.tasks() + " tasks, not " + (hard.task() + 1));
    }
    if (hard.task() > Integer.MAX_VALUE) {
      return Recording.refused("task index " + hard.task() + " is out of range");
    }
    if (journal.hasTask(hard.task())
        || journal.hasHardNumber(hard.task())
        || inBatch.get((int) hard.task())) {
      return Recording.of(Outcome.DUPLICATE);
    }
    journal.append(hard);
    inBatch.set((int) hard.task());
    return Recording.of(Outcome.HARD_NUMBER);
  }

  private static Recording seal(
      SealMessage seal, JobJournal journal, BitSet inBatch, SealMessage sealed)
      throws IOException, Contradiction {
    if (sealed != null) {
      if (sealed.tasks() != seal.tasks() || sealed.numbers() != seal.numbers()) {
        throw new Contradiction(
            String.format(
                "a second seal says %d tasks of %d numbers, the first %d tasks of %d numbers",
                seal.tasks(), seal.numbers(), sealed.tasks(), sealed.numbers()));
      }
      return Recording.of(Outcome.SEALED); // sealed before: a redelivered seal
    }
    long highest = Math.max(inBatch.length(), highestRecorded(journal));
    if (highest > seal.tasks()) {
      throw new Contradiction(
          "its seal says " + seal.tasks() + " tasks, but task " + (highest - 1) + " arrived");
    }
    journal.append(seal);
    return Recording.of(Outcome.SEALED);
  }

  private static long highestRecorded(JobJournal journal) {
    return journal.highestTask() + 1;
  }

  /** Counts the recorded entries in their journals, now that they are durable. */
  private void count(
      List<? extends SpoolEntry> batch,
      List<Recording> recordings,
      Map<String, SealMessage> sealsInBatch) {
    for (int i = 0; i < batch.size(); i++) {
      Outcome outcome = recordings.get(i).outcome();
      JobJournal journal = jobs.get(batch.get(i).job());
      if (journal == null) {
        continue;
      }
      if (batch.get(i) instanceof TaskRecord task && outcome == Outcome.ACCEPTED) {
        journal.noteTask(task);
      } else if (batch.get(i) instanceof SpoolEntry.HardNumber hard
          && outcome == Outcome.HARD_NUMBER) {
        journal.noteHardNumber(hard);
      }
    }
    sealsInBatch.forEach(
        (job, seal) -> {
          if (jobs.containsKey(job)) {
            jobs.get(job).noteSeal(seal);
          }
        });
  }

  private void rollBack(String job, JobJournal journal, long size) {
    try {
      journal.rollBack(size);
    } catch (IOException e) {
      // The journal cannot be trusted any more: forget it, so that it is read again from disk,
      // whole records only, when the job's next reply comes.
      log.error("cannot cut the journal of job {} back after a failed write", job, e);
      jobs.remove(job);
      closeQuietly(journal);
    }
  }

  @Override
  public boolean accept(ResultMessage result) throws IOException {
    Recording recording = record(List.of(TaskRecord.of(result))).get(0);
    if (recording.isRefused()) {
      throw new UnknownTaskException(recording.refusal());
    }
    return recording.outcome() == Outcome.ACCEPTED;
  }

  @Override
  public void seal(SealMessage seal) throws IOException {
    Recording recording = record(List.of(new SpoolEntry.Seal(seal))).get(0);
    if (recording.isRefused()) {
      throw new UnknownTaskException(recording.refusal());
    }
  }

  /** What the service knows of {@code job}. */
  public synchronized JobStatus status(String job) throws IOException {
    JobJournal journal = jobs.get(job);
    if (journal != null) {
      return new JobStatus(
          job,
          JobStatus.State.RUNNING,
          journal.tasksRecorded(),
          journal.sealedTasks(),
          journal.numbers(),
          journal.sealedTasks() < 0 ? -1 : journal.sealedNumbers(),
          journal.errors());
    }
    if (finished.isWritten(job)) {
      return finished.status(job);
    }
    String failure = failed.containsKey(job) ? failed.get(job) : finished.failure(job);
    return failure != null ? JobStatus.failed(job, failure) : JobStatus.unknown(job);
  }

  /**
   * Deletes a written or failed job's files, a failed job's journal too.
   *
   * @return whether the job was written or failed and is now deleted
   * @throws IllegalStateException when the job is still running
   */
  public synchronized boolean delete(String job) throws IOException {
    if (jobs.containsKey(job)) {
      throw new IllegalStateException("job " + job + " is still running");
    }
    boolean deleted = finished.delete(job);
    if (failed.remove(job) != null || deleted) {
      Path spool = spoolOf(job);
      if (Files.exists(spool)) {
        deleteTree(spool);
      }
      deleted = true;
    }
    if (deleted) {
      log.info("job {} deleted on request", job);
    }
    return deleted;
  }

  /** Deletes the jobs written more than {@code keepFor} ago, logging each; returns how many. */
  public synchronized int deleteOlderThan(Duration keepFor, Instant now) throws IOException {
    List<String> deleted = finished.deleteOlderThan(keepFor, now);
    for (String job : deleted) {
      if (failed.remove(job) != null && Files.exists(spoolOf(job))) {
        deleteTree(spoolOf(job));
      }
    }
    return deleted.size();
  }

  private JobJournal journal(String job) throws IOException {
    JobJournal journal = jobs.get(job);
    if (journal == null) {
      journal = JobJournal.open(spoolOf(job));
      jobs.put(job, journal);
      startedMillis.put(job, System.currentTimeMillis());
    }
    return journal;
  }

  private void complete(String job, JobJournal journal) throws IOException {
    Path spool = spoolOf(job);
    Path outputTmp = spool.resolve("output.tmp");
    Path errorsTmp = spool.resolve("errors.tmp");
    Path infoTmp = spool.resolve("info.tmp");
    try (FileChannel out = create(outputTmp);
        FileChannel err = create(errorsTmp);
        FileChannel info = create(infoTmp)) {
      String head =
          FinishedJobs.INFO_HEAD
              + " "
              + journal.sealedTasks()
              + " "
              + journal.numbers()
              + " "
              + journal.errors()
              + "\n";
      info.write(ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII)));
      journal.copyInTaskOrder(out, err, info);
      out.force(false);
      err.force(false);
      info.force(false);
    }
    Files.move(infoTmp, finished.infoOf(job), StandardCopyOption.ATOMIC_MOVE);
    if (journal.errors() > 0) {
      Files.move(errorsTmp, finished.errorsOf(job), StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(outputTmp, finished.outputOf(job), StandardCopyOption.ATOMIC_MOVE);
    Durability.forceDirectory(finished.infoDir());
    Durability.forceDirectory(dataDir);
    jobs.remove(job);
    startedMillis.remove(job);
    hosts.remove(job);
    journal.close();
    deleteTree(spool);
    jobsCompleted++;
    metrics.jobCompleted();
    log.info(
        "job {} complete: {} numbers in {} tasks, {} errors, written to {}",
        job,
        journal.numbers(),
        journal.sealedTasks(),
        journal.errors(),
        finished.outputOf(job));
  }

  private static FileChannel create(Path file) throws IOException {
    return FileChannel.open(
        file,
        StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE);
  }

  private Path spoolOf(String job) {
    return dataDir.resolve(SPOOL).resolve(job);
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static void closeQuietly(JobJournal journal) {
    try {
      journal.close();
    } catch (IOException e) {
      log.debug("closing a journal failed: {}", e.toString());
    }
  }

  /** Closes the journals of the jobs being collected; they are opened again by the next run. */
  @Override
  public synchronized void close() {
    jobs.values().forEach(SpoolDirectory::closeQuietly);
    jobs.clear();
  }
}
