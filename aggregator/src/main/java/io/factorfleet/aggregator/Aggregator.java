package io.factorfleet.aggregator;

import io.factorfleet.metrics.FleetMetrics;
import io.factorfleet.wire.MessageKind;
import io.factorfleet.wire.NumberResult;
import io.factorfleet.wire.ResultMessage;
import io.factorfleet.wire.SealMessage;
import io.factorfleet.wire.TaskMessage;
import io.factorfleet.wire.UnitResultMessage;
import io.factorfleet.wire.WireCodec;
import io.factorfleet.wire.WireFormatException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one aggregation path, whatever the deployment: decodes a message from a reply queue, verifies
 * every factorization in it, drops duplicates and hands the rest to a {@link ResultSink}. A wrong
 * factorization does not stop the job: it becomes an error entry for that number, naming the worker
 * that sent it. No transport here; see {@link ReplyConsumer}.
 */
public final class Aggregator {
  /** What became of one message. */
  public enum Outcome {
    ACCEPTED,
    DUPLICATE,
    SEALED,
    /** A reply of a cancelled job: acknowledged and dropped, since nobody wants it any more. */
    DROPPED,
    /** An answer to a unit of a hard number, taken by its coordinator. */
    UNIT,
    /** A hard number recorded, for the aggregator service's coordinator to split over the fleet. */
    HARD_NUMBER
  }

  private final WireCodec codec;
  private final ResultVerifier verifier = new ResultVerifier();
  private final ResultSink sink;
  private final FleetMetrics metrics;
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong corrected = new AtomicLong();

  public Aggregator(WireCodec codec, ResultSink sink) {
    this(codec, sink, FleetMetrics.NONE);
  }

  /**
   * @param metrics where results recorded and duplicates dropped are counted
   */
  public Aggregator(WireCodec codec, ResultSink sink, FleetMetrics metrics) {
    this.codec = codec;
    this.sink = sink;
    this.metrics = metrics;
  }

  /**
   * A message read and verified, not recorded yet: a task's result, a job's seal, an answer to a
   * unit or a hard number.
   */
  public sealed interface Reply {
    /** The job the reply belongs to. */
    String job();

    /** A task's result, every factorization in it verified. */
    record Result(ResultMessage message) implements Reply {
      @Override
      public String job() {
        return message.job();
      }
    }

    /** A job's seal. */
    record Seal(SealMessage message) implements Reply {
      @Override
      public String job() {
        return message.job();
      }
    }

    /** An answer to a unit of a hard number, checked by its coordinator as it takes it. */
    record Unit(UnitResultMessage message) implements Reply {
      @Override
      public String job() {
        return message.job();
      }
    }

    /** A task of one hard number, for the aggregator service to split over the fleet. */
    record HardNumber(TaskMessage message) implements Reply {
      @Override
      public String job() {
        return message.job();
      }
    }
  }

  /**
   * Handles one message.
   *
   * @param type the AMQP {@code type} property
   * @throws WireFormatException when the message is not a result, seal or unit answer this build
   *     can read; a hard number too, which only the aggregator service takes ({@link #read})
   * @throws ResultSink.UnknownTaskException when it belongs to no task the sink expects
   */
  public Outcome handle(String type, byte[] body) throws WireFormatException, IOException {
    Reply reply = read(type, body);
    if (reply instanceof Reply.Seal seal) {
      sink.seal(seal.message());
      return Outcome.SEALED;
    }
    if (reply instanceof Reply.Unit unit) {
      sink.acceptUnit(unit.message());
      return Outcome.UNIT;
    }
    if (reply instanceof Reply.HardNumber hard) {
      throw new WireFormatException(
          "a hard number of job " + hard.job() + " is for the aggregator service");
    }
    Outcome outcome =
        sink.accept(((Reply.Result) reply).message()) ? Outcome.ACCEPTED : Outcome.DUPLICATE;
    count(outcome);
    return outcome;
  }

  /**
   * Reads one message and verifies it, without handing it to the sink: for a caller that records
   * replies in batches of its own, and then {@linkplain #count counts} what became of them.
   *
   * @param type the AMQP {@code type} property
   * @throws WireFormatException when the message is not a result, seal, unit answer or hard number
   *     this build can read
   */
  public Reply read(String type, byte[] body) throws WireFormatException {
    MessageKind kind =
        MessageKind.fromType(type)
            .orElseThrow(() -> new WireFormatException("unknown message type '" + type + "'"));
    return switch (kind) {
      case SEAL -> new Reply.Seal(codec.decodeSeal(body));
      case RESULT -> new Reply.Result(verified(decodeResult(body)));
      case UNIT_RESULT -> new Reply.Unit(codec.decodeUnitResult(body));
      case HARD_NUMBER -> new Reply.HardNumber(codec.decodeHardNumber(body));
      default -> throw new WireFormatException("a " + kind.type() + " is not a reply");
    };
  }

  /** Counts a result recorded or dropped as a duplicate; a seal counts for nothing. */
  public void count(Outcome outcome) {
    if (outcome == Outcome.ACCEPTED) {
      accepted.incrementAndGet();
      metrics.resultRecorded();
    } else if (outcome == Outcome.DUPLICATE) {
      duplicates.incrementAndGet();
      metrics.duplicateDropped();
    }
  }

  public long accepted() {
    return accepted.get();
  }

  public long duplicates() {
    return duplicates.get();
  }

  /** Number entries or whole results replaced by an error because they were wrong or unreadable. */
  public long corrected() {
    return corrected.get();
  }

  /**
   * A result that cannot be read but names its job and task becomes an error for that task, so the
   * job finishes and says what went wrong instead of waiting for an answer that never comes.
   */
  private ResultMessage decodeResult(byte[] body) throws WireFormatException {
    try {
      return codec.decodeResult(body);
    } catch (WireFormatException e) {
      WireCodec.TaskId id = codec.identify(body).orElseThrow(() -> e);
      corrected.incrementAndGet();
      String what = "task " + id.task() + " of job " + id.job();
      return ResultMessage.of(
          id.job(),
          id.task(),
          "unknown",
          0,
          List.of(
              NumberResult.refused(
                  "(" + what + ")",
                  "the result of " + what + " could not be read: " + e.getMessage())));
    }
  }

  private ResultMessage verified(ResultMessage result) {
    List<NumberResult> checked = null;
    for (int i = 0; i < result.results().size(); i++) {
      NumberResult r = result.results().get(i);
      Optional<String> problem = verifier.problem(r);
      if (problem.isPresent()) {
        if (checked == null) {
          checked = new ArrayList<>(result.results());
        }
        checked.set(
            i,
            NumberResult.refused(
                r.n(),
                "worker " + result.worker() + " sent a wrong factorization: " + problem.get()));
        corrected.incrementAndGet();
      }
    }
    return checked == null
        ? result
        : new ResultMessage(
            result.version(),
            result.job(),
            result.task(),
            result.worker(),
            result.nanos(),
            checked);
  }
}
