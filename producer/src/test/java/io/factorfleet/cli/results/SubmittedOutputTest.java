package io.factorfleet.cli.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.factorfleet.cli.output.OutputFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SubmittedOutputTest {
  private static final String OUTPUT = "4: 2 2\n1:\n18446744073709551617: 274177 67280421310721\n";
  private static final String INFO =
      "job 2 3 0\n"
          + "task 0 2 4591163 worker-a\n"
          + "task 1 1 283383 worker b\n"
          + "methods 0 ecm ecm\n";

  @Test
  void shouldPrintTheGnuOutputAsItIs() throws Exception {
    assertThat(print(OutputFormat.GNU, OUTPUT, INFO)).isEqualTo(OUTPUT);
  }

  @Test
  void shouldPrintCsvWithItsHeader() throws Exception {
    assertThat(print(OutputFormat.CSV, OUTPUT, null))
        .isEqualTo("n,factors\n4,2 2\n1,\n18446744073709551617,274177 67280421310721\n");
  }

  @Test
  void shouldPrintJsonlWithTheWorkerTimeAndMethodsOfEachTask() throws Exception {
    assertThat(print(OutputFormat.JSONL, OUTPUT, INFO))
        .isEqualTo(
            "{\"n\":\"4\",\"factors\":[\"2\",\"2\"],\"worker\":\"worker-a\",\"taskNanos\":4591163}\n"
                + "{\"n\":\"1\",\"factors\":[],\"worker\":\"worker-a\",\"taskNanos\":4591163}\n"
                + "{\"n\":\"18446744073709551617\",\"factors\":[\"274177\",\"67280421310721\"],"
                + "\"methods\":[\"ecm\",\"ecm\"],\"worker\":\"worker b\",\"taskNanos\":283383}\n");
  }

  @Test
  void shouldPrintJsonlWithoutTaskDetailsForAJobWithoutInfo() throws Exception {
    assertThat(print(OutputFormat.JSONL, "4: 2 2\n", null))
        .isEqualTo("{\"n\":\"4\",\"factors\":[\"2\",\"2\"]}\n");
  }

  @Test
  void shouldRefuseOutputThatIsNotFactorsLines() {
    assertThatThrownBy(() -> print(OutputFormat.CSV, "not factor output\n", null))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not a line of factor's output");
  }

  private static String print(OutputFormat format, String output, String info) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new SubmittedOutput("job", format)
        .copy(stream(output), info == null ? null : stream(info), out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
