package io.factorfleet.aggregator.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.factorfleet.wire.UnitResultMessage;
import io.factorfleet.wire.WireCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelationFileTest {
  @TempDir Path dir;

  private final WireCodec codec = new WireCodec();

  @Test
  void shouldReadBackTheAnswersAppendedInTheirOrder() throws Exception {
    Path file = RelationFile.of(dir, 3);
    try (RelationFile relations = RelationFile.open(file)) {
      relations.append(line(anAnswer(7)));
      relations.append(line(anAnswer(4)));
      relations.force();
    }

    try (RelationFile reopened = RelationFile.open(file)) {
      assertThat(reopened.answers(codec)).containsExactly(anAnswer(7), anAnswer(4));
    }
  }

  @Test
  void shouldCutOffALastLineLeftWithoutItsLineBreak() throws Exception {
    Path file = RelationFile.of(dir, 3);
    try (RelationFile relations = RelationFile.open(file)) {
      relations.append(line(anAnswer(7)));
    }
    long whole = Files.size(file);
    Files.write(
        file,
        "{\"version\":2,\"job\":\"j".getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.APPEND);

    try (RelationFile reopened = RelationFile.open(file)) {
      assertThat(reopened.size()).isEqualTo(whole);
      assertThat(Files.size(file)).isEqualTo(whole);
      assertThat(reopened.answers(codec)).containsExactly(anAnswer(7));
    }
  }

  @Test
  void shouldSkipALineThatIsNoAnswer() throws Exception {
    Path file = RelationFile.of(dir, 3);
    Files.write(file, "not json\n".getBytes(StandardCharsets.UTF_8));
    try (RelationFile relations = RelationFile.open(file)) {
      relations.append(line(anAnswer(9)));

      assertThat(relations.answers(codec)).containsExactly(anAnswer(9));
    }
  }

  @Test
  void shouldCutOffABatchRolledBack() throws Exception {
    try (RelationFile relations = RelationFile.open(RelationFile.of(dir, 3))) {
      relations.append(line(anAnswer(1)));
      long before = relations.size();
      relations.append(line(anAnswer(2)));

      relations.rollBack(before);
      relations.append(line(anAnswer(3)));

      assertThat(relations.answers(codec)).containsExactly(anAnswer(1), anAnswer(3));
    }
  }

  @Test
  void shouldPutAnAnswerWithLineBreaksOnOneLine() {
    byte[] body = "{\"version\":2,\r\n\"job\":\"j\"}".getBytes(StandardCharsets.UTF_8);

    assertThat(new String(RelationFile.lineOf(body), StandardCharsets.UTF_8))
        .isEqualTo("{\"version\":2,  \"job\":\"j\"}");
  }

  private byte[] line(UnitResultMessage answer) {
    return RelationFile.lineOf(codec.encode(answer));
  }

  private static UnitResultMessage anAnswer(long unit) {
    return UnitResultMessage.found(
        "job",
        3,
        unit,
        "w1",
        1000,
        null,
        List.of(new UnitResultMessage.Relation("-12345", true, 1, 1, new int[] {2, 3, 7})));
  }
}
