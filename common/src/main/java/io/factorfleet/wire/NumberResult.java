package io.factorfleet.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.factorfleet.text.NumberParser;
import io.factorfleet.text.UnsignedDecimals;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The answer for one number of a task. Exactly one of three shapes:
 *
 * <ul>
 *   <li>complete: {@code factors} holds every prime factor, ascending, with repeats;
 *   <li>partial: the time budget ran out; {@code factors} holds the primes found and {@code
 *       cofactor} the composite part left;
 *   <li>refused: {@code error} says why the number could not be factored.
 * </ul>
 *
 * <p>A complete or partial result may also say how each factor was found: {@code methods}, the
 * engine's labels such as {@code trial} or {@code siqs}, one per factor. It is absent when the
 * worker did not record them (below 2^64, and in messages of earlier builds); a result that has it
 * is always written as an object, since the array form has no place for it.
 *
 * <p>The factors of a number below 2^64 are best given as {@link UnsignedDecimals}, which the
 * result keeps as they are and writes without a {@code String} for each; a complete result of a
 * number below 2^63 may keep the number as a long too ({@link #complete(long, UnsignedDecimals)}),
 * whose text is made only when {@link #n()} asks for it. Two results are equal when their texts
 * are.
 */
public final class NumberResult {
  /** The schema version from which a complete result may be written as an array of integers. */
  static final int ARRAYS_SINCE = 2;

  /** The number when kept as a long, canonical and below 2^63; -1 otherwise. */
  private final long value;

  /** The number's text; made from {@link #value} on first use when null. */
  private String n;

  private final List<String> factors;
  private final String cofactor;
  private final String error;
  private final List<String> methods;

  public NumberResult(String n, List<String> factors, String cofactor, String error) {
    this(-1, Objects.requireNonNull(n, "n"), factors, cofactor, error, null);
  }

  private NumberResult(
      long value,
      String n,
      List<String> factors,
      String cofactor,
      String error,
      List<String> methods) {
    this.value = value;
    this.n = n;
    this.factors =
        factors == null || factors instanceof UnsignedDecimals ? factors : List.copyOf(factors);
    this.cofactor = cofactor;
    this.error = error;
    this.methods = methods == null ? null : List.copyOf(methods);
  }

  public static NumberResult complete(String n, List<String> factors) {
    return new NumberResult(n, factors, null, null);
  }

  /**
   * The complete factorization of {@code n}, with how each factor was found.
   *
   * @param methods one label per factor, such as {@code siqs}
   * @throws IllegalArgumentException when there is not one method per factor
   */
  public static NumberResult complete(String n, List<String> factors, List<String> methods) {
    return withMethods(n, factors, null, methods);
  }

  /** The complete factorization of {@code n}, from 0 to 2^63 - 1, kept as longs. */
  public static NumberResult complete(long n, UnsignedDecimals factors) {
    if (n < 0) {
      throw new IllegalArgumentException("a number kept as a long is below 2^63, not " + n);
    }
    return new NumberResult(n, null, factors, null, null, null);
  }

  public static NumberResult partial(String n, List<String> factors, String cofactor) {
    return new NumberResult(n, factors, cofactor, null);
  }

  /**
   * The factors found of {@code n} before its time ran out, with how each was found.
   *
   * @param methods one label per factor, such as {@code ecm}
   * @throws IllegalArgumentException when there is not one method per factor
   */
  public static NumberResult partial(
      String n, List<String> factors, String cofactor, List<String> methods) {
    return withMethods(n, factors, Objects.requireNonNull(cofactor, "cofactor"), methods);
  }

  private static NumberResult withMethods(
      String n, List<String> factors, String cofactor, List<String> methods) {
    if (methods.size() != factors.size()) {
      throw new IllegalArgumentException(
          "there must be one method per factor but there are "
              + methods.size()
              + " for "
              + factors.size());
    }
    return new NumberResult(-1, Objects.requireNonNull(n, "n"), factors, cofactor, null, methods);
  }

  public static NumberResult refused(String n, String error) {
    return new NumberResult(n, null, null, error);
  }

  /** The number, as canonical decimal text when it was factored. */
  public String n() {
    String text = n;
    if (text == null) { // a benign race: every thread makes the same text
      text = Long.toString(value);
      n = text;
    }
    return text;
  }

  /**
   * The number when it is kept as a long (canonical, below 2^63), without making or reading its
   * text; -1 when it is kept as text only, which {@link NumberParser#parseSmallCanonical} reads.
   */
  public long value() {
    return value;
  }

  public List<String> factors() {
    return factors;
  }

  public String cofactor() {
    return cofactor;
  }

  public String error() {
    return error;
  }

  /** How each factor was found, one label per factor; {@code null} when not known. */
  public List<String> methods() {
    return methods;
  }

  public boolean isComplete() {
    return error == null && cofactor == null;
  }

  public boolean isRefused() {
    return error != null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NumberResult other
        && n().equals(other.n())
        && Objects.equals(factors, other.factors)
        && Objects.equals(cofactor, other.cofactor)
        && Objects.equals(error, other.error)
        && Objects.equals(methods, other.methods);
  }

  @Override
  public int hashCode() {
    return Objects.hash(n(), factors, cofactor, error, methods);
  }

  @Override
  public String toString() {
    return "NumberResult[n="
        + n()
        + ", factors="
        + factors
        + ", cofactor="
        + cofactor
        + ", error="
        + error
        + (methods == null ? "" : ", methods=" + methods)
        + "]";
  }

  /**
   * {@code {"n":"12","factors":["2","2","3"]}}; {@code factors}, {@code methods}, {@code cofactor}
   * and {@code error} appear only when set. With {@code arrays}, a complete result without methods
   * whose number is a canonical decimal below 2^63 is written as the array {@code [12,2,2,3]}
   * instead. {@code digits}, of {@link UnsignedDecimals#MAX_DIGITS} characters, is where factors
   * kept as longs are written out, one after the other.
   */
  void writeTo(JsonGenerator json, char[] digits, boolean arrays) throws IOException {
    long number =
        !arrays || !isComplete() || methods != null
            ? -1
            : value >= 0 ? value : NumberParser.parseSmallCanonical(n);
    if (number >= 0 && factorsBelow2Pow63()) {
      writeArray(json, number);
      return;
    }
    json.writeStartObject();
    json.writeStringField("n", n());
    if (factors != null) {
      json.writeArrayFieldStart("factors");
      if (factors instanceof UnsignedDecimals values) {
        for (int i = 0; i < values.size(); i++) {
          int start = values.digits(i, digits);
          json.writeString(digits, start, digits.length - start);
        }
      } else {
        for (String factor : factors) {
          json.writeString(factor);
        }
      }
      json.writeEndArray();
    }
    if (methods != null) {
      json.writeArrayFieldStart("methods");
      for (String method : methods) {
        json.writeString(method);
      }
      json.writeEndArray();
    }
    if (cofactor != null) {
      json.writeStringField("cofactor", cofactor);
    }
    if (error != null) {
      json.writeStringField("error", error);
    }
    json.writeEndObject();
  }

  /** Whether every factor is a canonical decimal below 2^63, as those of such a number are. */
  private boolean factorsBelow2Pow63() {
    if (factors instanceof UnsignedDecimals values) {
      for (int i = 0; i < values.size(); i++) {
        if (values.unsigned(i) < 0) {
          return false;
        }
      }
      return true;
    }
    for (String factor : factors) {
      if (NumberParser.parseSmallCanonical(factor) < 0) {
        return false;
      }
    }
    return true;
  }

  private void writeArray(JsonGenerator json, long number) throws IOException {
    json.writeStartArray();
    json.writeNumber(number);
    if (factors instanceof UnsignedDecimals values) {
      for (int i = 0; i < values.size(); i++) {
        json.writeNumber(values.unsigned(i));
      }
    } else {
      for (String factor : factors) {
        json.writeNumber(NumberParser.parseSmallCanonical(factor));
      }
    }
    json.writeEndArray();
  }

  /** Reads one entry of a result's {@code results}, the parser on its first token. */
  static NumberResult readFrom(JsonParser json, JsonToken token)
      throws IOException, WireFormatException {
    if (token == JsonToken.START_ARRAY) {
      return readArray(json);
    }
    if (token != JsonToken.START_OBJECT) {
      throw new WireFormatException("an entry of 'results' is neither an object nor an array");
    }
    String n = null;
    List<String> factors = null;
    String cofactor = null;
    String error = null;
    List<String> methods = null;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      JsonToken value = json.nextToken();
      switch (field) {
        case "n" -> n = JsonFields.string(json, value, field);
        case "factors" -> factors = JsonFields.optionalDecimals(json, value, field);
        case "cofactor" -> cofactor = JsonFields.optionalString(json, value, field);
        case "error" -> error = JsonFields.optionalString(json, value, field);
        case "methods" -> methods = JsonFields.optionalStrings(json, value, field);
        default -> json.skipChildren();
      }
    }
    if (methods != null && (factors == null || methods.size() != factors.size())) {
      throw new WireFormatException("field 'methods' does not hold one method per factor");
    }
    return new NumberResult(-1, JsonFields.required(n, "n"), factors, cofactor, error, methods);
  }

  /** {@code [12,2,2,3]}: a complete result, the parser past the opening bracket. */
  private static NumberResult readArray(JsonParser json) throws IOException, WireFormatException {
    if (json.nextToken() == JsonToken.END_ARRAY) {
      throw new WireFormatException("an entry of 'results' is an empty array");
    }
    long n = requireSmallInteger(json);
    long[] values = new long[8];
    int count = 0;
    for (JsonToken item = json.nextToken(); item != JsonToken.END_ARRAY; item = json.nextToken()) {
      long value = requireSmallInteger(json);
      if (count == values.length) {
        values = Arrays.copyOf(values, count * 2);
      }
      values[count++] = value;
    }
    return complete(n, UnsignedDecimals.of(values, count));
  }

  /** The integer the parser stands on, which must be from 0 to 2^63 - 1. */
  private static long requireSmallInteger(JsonParser json) throws IOException, WireFormatException {
    if (json.currentToken() != JsonToken.VALUE_NUMBER_INT
        || json.getNumberType() == JsonParser.NumberType.BIG_INTEGER
        || json.getTextCharacters()[json.getTextOffset()] == '-') { // -0 as much as -1
      throw new WireFormatException(
          "an entry of 'results' given as an array holds something other than integers from 0"
              + " to 2^63 - 1");
    }
    return json.getLongValue();
  }
}
