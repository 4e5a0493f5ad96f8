package io.factorfleet.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.factorfleet.wire.MessageKind;
import io.factorfleet.wire.NumberResult;
import io.factorfleet.wire.ResultMessage;
import io.factorfleet.wire.SealMessage;
import io.factorfleet.wire.WireCodec;
import io.factorfleet.wire.WireFormatException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AggregatorTest {
  private final WireCodec codec = new WireCodec();
  private final RecordingSink sink = new RecordingSink();
  private final Aggregator aggregator = new Aggregator(codec, sink);

  @Test
  void shouldPassVerifiedResultsToTheSinkAndDropDuplicates() throws Exception {
    byte[] result = codec.encode(aResult(0, NumberResult.complete("6", List.of("2", "3"))));

    assertThat(aggregator.handle(MessageKind.RESULT.type(), result))
        .isEqualTo(Aggregator.Outcome.ACCEPTED);
    assertThat(aggregator.handle(MessageKind.RESULT.type(), result))
        .isEqualTo(Aggregator.Outcome.DUPLICATE);

    assertThat(sink.accepted).hasSize(1);
    assertThat(aggregator.accepted()).isEqualTo(1);
    assertThat(aggregator.duplicates()).isEqualTo(1);
  }

  @Test
  void shouldTurnAWrongFactorizationIntoAnErrorNamingTheWorker() throws Exception {
    byte[] result =
        codec.encode(
            aResult(
                0,
                NumberResult.complete("6", List.of("2", "3")),
                NumberResult.complete("8", List.of("2", "4"))));

    aggregator.handle(MessageKind.RESULT.type(), result);

    List<NumberResult> recorded = sink.accepted.get(0).results();
    assertThat(recorded.get(0).isComplete()).isTrue();
    assertThat(recorded.get(1).error())
        .isEqualTo("worker w9 sent a wrong factorization: factor 4 of 8 is not prime");
    assertThat(aggregator.corrected()).isEqualTo(1);
  }

  @Test
  void shouldTurnAResultTooLargeToReadIntoAnErrorForItsTask() throws Exception {
    Aggregator strict = new Aggregator(new WireCodec(200), sink);
    NumberResult[] many = new NumberResult[20];
    java.util.Arrays.fill(many, NumberResult.complete("6", List.of("2", "3")));
    byte[] result = codec.encode(aResult(4, many));

    assertThat(strict.handle(MessageKind.RESULT.type(), result))
        .isEqualTo(Aggregator.Outcome.ACCEPTED);

    ResultMessage recorded = sink.accepted.get(0);
    assertThat(recorded.task()).isEqualTo(4);
    assertThat(recorded.results())
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.error())
                    .isEqualTo(
                        "the result of task 4 of job job could not be read: body of "
                            + result.length
                            + " bytes is over the limit of 200"));
  }

  @Test
  void shouldPassSealsToTheSink() throws Exception {
    aggregator.handle(MessageKind.SEAL.type(), codec.encode(SealMessage.of("job", 3, 30)));
    assertThat(sink.seals).containsExactly(SealMessage.of("job", 3, 30));
  }

  @Test
  void shouldRefuseMessagesOfUnknownTypeOrShape() {
    assertThatThrownBy(() -> aggregator.handle(null, new byte[] {1}))
        .isInstanceOf(WireFormatException.class)
        .hasMessage("unknown message type 'null'");
    assertThatThrownBy(() -> aggregator.handle(MessageKind.TASK.type(), new byte[] {1}))
        .isInstanceOf(WireFormatException.class);
    assertThatThrownBy(() -> aggregator.handle(MessageKind.RESULT.type(), "{}".getBytes()))
        .isInstanceOf(WireFormatException.class);
  }

  private static ResultMessage aResult(long task, NumberResult... results) {
    return ResultMessage.of("job", task, "w9", 1, List.of(results));
  }

  private static final class RecordingSink implements ResultSink {
    final List<ResultMessage> accepted = new ArrayList<>();
    final List<SealMessage> seals = new ArrayList<>();
    final Set<Long> seen = new HashSet<>();

    @Override
    public boolean accept(ResultMessage result) {
      if (!seen.add(result.task())) {
        return false;
      }
      accepted.add(result);
      return true;
    }

    @Override
    public void seal(SealMessage seal) {
      seals.add(seal);
    }
  }
}
