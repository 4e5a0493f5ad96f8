package io.factorfleet.cli.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.factorfleet.text.GnuFormat;
import io.factorfleet.text.LineBuffer;
import io.factorfleet.wire.NumberResult;
import io.factorfleet.wire.ResultMessage;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * How {@code fleet factor} prints a factored number. Numbers that could not be factored are
 * reported on standard error in every format.
 */
public enum OutputFormat {
  /**
   * {@code 12: 2 2 3}, byte for byte as GNU {@code factor} prints it; {@code 12: 2^2 3} with {@code
   * --exponents}.
   */
  GNU {
    @Override
    public void appendLine(
        NumberResult result, ResultMessage task, GnuFormat gnu, LineBuffer into) {
      if (result.value() >= 0) {
        gnu.appendLine(result.value(), result.factors(), into);
      } else {
        gnu.appendLine(result.n(), result.factors(), into);
      }
    }
  },

  /**
   * One JSON object per number: {@code {"n":"12","factors":["2","2","3"],"worker":"w1",
   * "taskNanos":1200}}, the worker that answered and the time it spent on the whole task. {@code
   * "methods":["trial","siqs"]}, how each factor was found, follows the factors when the result
   * tells it; {@code worker} and {@code taskNanos} are left out for a number factored in this
   * process.
   */
  JSONL {
    @Override
    public void appendLine(
        NumberResult result, ResultMessage task, GnuFormat gnu, LineBuffer into) {
      try {
        into.utf8(
            Json.MAPPER.writeValueAsString(
                new JsonLine(
                    result.n(),
                    result.factors(),
                    result.methods(),
                    task == null ? null : task.worker(),
                    task == null ? null : task.nanos())));
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
  },

  /** {@code n,factors} with a header line; the factors separated by spaces: {@code 12,2 2 3}. */
  CSV {
    @Override
    public void appendLine(
        NumberResult result, ResultMessage task, GnuFormat gnu, LineBuffer into) {
      into.ascii(result.n()).put(',');
      for (int i = 0; i < result.factors().size(); i++) {
        if (i > 0) {
          into.put(' ');
        }
        into.ascii(result.factors().get(i));
      }
    }

    @Override
    public Optional<String> header() {
      return Optional.of("n,factors");
    }
  };

  /**
   * Created on first use only: the other formats, and {@code --local}, then start without loading
   * Jackson, which takes a noticeable share of a short run.
   */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  /**
   * Appends the line of a completely factored number, without the line end. Its number and factors
   * are verified canonical decimals, so ASCII.
   *
   * @param task the result message the number came in; {@code null} when factored in this process
   * @param gnu the layout of the {@link #GNU} format, with or without exponents; the others list
   *     every factor as often as it divides, as data for programs
   */
  public abstract void appendLine(
      NumberResult result, ResultMessage task, GnuFormat gnu, LineBuffer into);

  /**
   * Appends the line of a number completely factored in this process, without the line end: no
   * worker answered it, and no task holds it.
   */
  public void appendLocalLine(NumberResult result, GnuFormat gnu, LineBuffer into) {
    appendLine(result, null, gnu, into);
  }

  /** Whether {@code --exponents} applies to this format: to {@link #GNU} alone. */
  public boolean takesExponents() {
    return this == GNU;
  }

  /** The line written before any result, if the format has one. */
  public Optional<String> header() {
    return Optional.empty();
  }

  /** A JSON line; what is {@code null} is left out. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  private record JsonLine(
      String n, List<String> factors, List<String> methods, String worker, Long taskNanos) {}
}
