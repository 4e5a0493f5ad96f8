package io.factorfleet.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.factorfleet.text.UnsignedDecimals;
import java.io.IOException;
import java.util.List;

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
 * <p>The factors of a number below 2^64 are best given as {@link UnsignedDecimals}, which the
 * result keeps as they are and writes without a {@code String} for each.
 */
public record NumberResult(String n, List<String> factors, String cofactor, String error) {
  public NumberResult {
    factors =
        factors == null || factors instanceof UnsignedDecimals ? factors : List.copyOf(factors);
  }

  public static NumberResult complete(String n, List<String> factors) {
    return new NumberResult(n, factors, null, null);
  }

  public static NumberResult partial(String n, List<String> factors, String cofactor) {
    return new NumberResult(n, factors, cofactor, null);
  }

  public static NumberResult refused(String n, String error) {
    return new NumberResult(n, null, null, error);
  }

  public boolean isComplete() {
    return error == null && cofactor == null;
  }

  public boolean isRefused() {
    return error != null;
  }

  /**
   * {@code {"n":"12","factors":["2","2","3"]}}; {@code factors}, {@code cofactor} and {@code error}
   * appear only when set. {@code digits}, of {@link UnsignedDecimals#MAX_DIGITS} characters, is
   * where factors kept as longs are written out, one after the other.
   */
  void writeTo(JsonGenerator json, char[] digits) throws IOException {
    json.writeStartObject();
    json.writeStringField("n", n);
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
    if (cofactor != null) {
      json.writeStringField("cofactor", cofactor);
    }
    if (error != null) {
      json.writeStringField("error", error);
    }
    json.writeEndObject();
  }

  /** Reads one entry of a result's {@code results}, the parser on its first token. */
  static NumberResult readFrom(JsonParser json, JsonToken token)
      throws IOException, WireFormatException {
    if (token != JsonToken.START_OBJECT) {
      throw new WireFormatException("an entry of 'results' is not an object");
    }
    String n = null;
    List<String> factors = null;
    String cofactor = null;
    String error = null;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      JsonToken value = json.nextToken();
      switch (field) {
        case "n" -> n = JsonFields.string(json, value, field);
        case "factors" -> factors = JsonFields.optionalDecimals(json, value, field);
        case "cofactor" -> cofactor = JsonFields.optionalString(json, value, field);
        case "error" -> error = JsonFields.optionalString(json, value, field);
        default -> json.skipChildren();
      }
    }
    return new NumberResult(JsonFields.required(n, "n"), factors, cofactor, error);
  }
}
