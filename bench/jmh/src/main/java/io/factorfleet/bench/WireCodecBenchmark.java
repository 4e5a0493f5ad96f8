package io.factorfleet.bench;

import io.factorfleet.wire.ResultMessage;
import io.factorfleet.wire.TaskMessage;
import io.factorfleet.wire.WireCodec;
import io.factorfleet.wire.WireFormatException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Average time to encode and to decode one task of {@code numbers} numbers and the result message
 * answering it, with {@link WireCodec} as the producer, the workers and the aggregator use it. The
 * scores are per message; {@link WireCostReport} divides them by the number count and adds the
 * bytes per number.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class WireCodecBenchmark {
  @Param({"random9digit", "semiprime31x31"})
  public String shape;

  @Param({"1", "100", "1000"})
  public int numbers;

  private final WireCodec codec = new WireCodec();
  private TaskMessage task;
  private ResultMessage result;
  private byte[] taskBody;
  private byte[] resultBody;

  @Setup(Level.Trial)
  public void createMessages() {
    WireMessages messages = WireMessages.of(shape, numbers);
    task = messages.task();
    result = messages.result();
    taskBody = codec.encode(task);
    resultBody = codec.encode(result);
  }

  @Benchmark
  public byte[] encodeTask() {
    return codec.encode(task);
  }

  @Benchmark
  public TaskMessage decodeTask() throws WireFormatException {
    return codec.decodeTask(taskBody);
  }

  @Benchmark
  public byte[] encodeResult() {
    return codec.encode(result);
  }

  @Benchmark
  public ResultMessage decodeResult() throws WireFormatException {
    return codec.decodeResult(resultBody);
  }
}
