package io.factorfleet.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.factorfleet.text.GnuFormat;
import io.factorfleet.text.LineBuffer;
import io.factorfleet.text.UnsignedDecimals;
import io.factorfleet.wire.NumberResult;
import io.factorfleet.wire.ResultMessage;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputFormatTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final StringWriter err = new StringWriter();

  @Test
  void shouldPrintGnuFactorLinesByDefault() throws Exception {
    printTwoTasks(OutputFormat.GNU);

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("12: 2 2 3\n13: 13\n1:\n");
  }

  @Test
  void shouldPrintRepeatedFactorsAsPowersWithExponentsFromTextOrFromALong() throws Exception {
    OrderedOutput output =
        new OrderedOutput("job", out, err, "fleet", 10, OutputFormat.GNU, GnuFormat.EXPONENTS);
    output.expectTask();

    output.accept(
        ResultMessage.of(
            "job",
            0,
            "w1",
            1,
            List.of(
                NumberResult.complete(
                    "73786976294838206468", List.of("2", "2", "274177", "67280421310721")),
                NumberResult.complete(
                    3000, UnsignedDecimals.of(new long[] {2, 2, 2, 3, 5, 5, 5}, 7)))));

    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("73786976294838206468: 2^2 274177 67280421310721\n3000: 2^3 3 5^3\n");
  }

  @Test
  void shouldTakeExponentsInTheGnuFormatAlone() {
    assertThat(OutputFormat.values())
        .filteredOn(OutputFormat::takesExponents)
        .containsExactly(OutputFormat.GNU);
  }

  @Test
  void shouldPrintOneJsonObjectPerNumberWithTheWorkerAndTheTasksTime() throws Exception {
    printTwoTasks(OutputFormat.JSONL);

    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            """
            {"n":"12","factors":["2","2","3"],"worker":"w1","taskNanos":1500}
            {"n":"13","factors":["13"],"worker":"w1","taskNanos":1500}
            {"n":"1","factors":[],"worker":"w2","taskNanos":700}
            """);
  }

  @Test
  void shouldPrintTheMethodOfEachFactorAfterTheFactorsInJsonlWhenTheWorkerSentThem()
      throws Exception {
    OrderedOutput output = new OrderedOutput("job", out, err, "fleet", 10, OutputFormat.JSONL);
    output.expectTask();

    output.accept(
        ResultMessage.of(
            "job",
            0,
            "w1",
            9,
            List.of(
                NumberResult.complete(
                    "18446744073709551617",
                    List.of("274177", "67280421310721"),
                    List.of("ecm", "ecm")),
                NumberResult.complete("35", List.of("5", "7")))));

    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            """
            {"n":"18446744073709551617","factors":["274177","67280421310721"],\
            "methods":["ecm","ecm"],"worker":"w1","taskNanos":9}
            {"n":"35","factors":["5","7"],"worker":"w1","taskNanos":9}
            """);
  }

  @Test
  void shouldPrintTheSameGnuAndCsvLinesWhetherOrNotTheMethodsAreKnown() throws Exception {
    NumberResult withMethods =
        NumberResult.complete("35", List.of("5", "7"), List.of("trial", "trial"));
    NumberResult without = NumberResult.complete("35", List.of("5", "7"));
    for (OutputFormat format : List.of(OutputFormat.GNU, OutputFormat.CSV)) {
      LineBuffer a = new LineBuffer();
      LineBuffer b = new LineBuffer();

      format.appendLocalLine(withMethods, GnuFormat.EVERY_FACTOR, a);
      format.appendLocalLine(without, GnuFormat.EVERY_FACTOR, b);

      assertThat(text(a)).as(format.name()).isEqualTo(text(b)).isNotEmpty();
    }
  }

  @Test
  void shouldPrintCsvWithAHeaderAndSpaceSeparatedFactors() throws Exception {
    printTwoTasks(OutputFormat.CSV);

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("n,factors\n12,2 2 3\n13,13\n1,\n");
  }

  @Test
  void shouldReportNumbersNotFactoredOnStandardErrorInEveryFormat() throws Exception {
    for (OutputFormat format : OutputFormat.values()) {
      ByteArrayOutputStream formatted = new ByteArrayOutputStream();
      StringWriter errors = new StringWriter();
      OrderedOutput output = new OrderedOutput("job", formatted, errors, "fleet", 10, format);
      output.expectTask();

      output.accept(
          ResultMessage.of(
              "job", 0, "w1", 1, List.of(NumberResult.refused("x", "'x' is not a number"))));

      assertThat(errors.toString()).as(format.name()).isEqualTo("fleet: 'x' is not a number\n");
      assertThat(formatted.toString(StandardCharsets.UTF_8)).as(format.name()).doesNotContain("x");
    }
  }

  @Test
  void shouldCountTheNumbersPrinted() throws Exception {
    OrderedOutput output = printTwoTasks(OutputFormat.GNU);

    assertThat(output.numbersAnswered()).isEqualTo(3);
  }

  private static String text(LineBuffer lines) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    lines.writeTo(bytes, 0, lines.length());
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private OrderedOutput printTwoTasks(OutputFormat format) throws Exception {
    OrderedOutput output = new OrderedOutput("job", out, err, "fleet", 10, format);
    output.expectTask();
    output.expectTask();
    output.accept(
        ResultMessage.of("job", 1, "w2", 700, List.of(NumberResult.complete("1", List.of()))));
    output.accept(
        ResultMessage.of(
            "job",
            0,
            "w1",
            1500,
            List.of(
                NumberResult.complete("12", List.of("2", "2", "3")),
                NumberResult.complete("13", List.of("13")))));
    return output;
  }
}
