package io.factorfleet.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.factorfleet.text.NumberParser;
import io.factorfleet.text.UnsignedDecimals;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the values of a message's fields token by token, strictly: a number must be a JSON integer
 * that fits, a string a JSON string, a list an array of strings; {@code null} only where a field is
 * optional. Each method is given the token the parser stands on, the field's value.
 */
final class JsonFields {
  private JsonFields() {}

  /** Moves to the first field of an object, or fails when the body is not one. */
  static void startObject(JsonParser parser) throws IOException, WireFormatException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      throw new WireFormatException("not a JSON object");
    }
  }

  /** Checks that nothing but white space follows the object just read. */
  static void requireEnd(JsonParser parser) throws IOException, WireFormatException {
    if (parser.nextToken() != null) {
      throw new WireFormatException("more after the end of the message");
    }
  }

  static int intValue(JsonParser parser, JsonToken token, String field)
      throws IOException, WireFormatException {
    requireInteger(parser, token, field);
    if (parser.getNumberType() != JsonParser.NumberType.INT) {
      throw new WireFormatException("field '" + field + "' is out of range");
    }
    return parser.getIntValue();
  }

  static long longValue(JsonParser parser, JsonToken token, String field)
      throws IOException, WireFormatException {
    requireInteger(parser, token, field);
    if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      throw new WireFormatException("field '" + field + "' is out of range");
    }
    return parser.getLongValue();
  }

  static double doubleValue(JsonParser parser, JsonToken token, String field)
      throws IOException, WireFormatException {
    if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
      throw wrongType(field, "a number");
    }
    double value = parser.getDoubleValue();
    if (!Double.isFinite(value)) {
      throw new WireFormatException("field '" + field + "' is out of range");
    }
    return value;
  }

  static String string(JsonParser parser, JsonToken token, String field)
      throws IOException, WireFormatException {
    if (token != JsonToken.VALUE_STRING) {
      throw wrongType(field, "a string");
    }
    return parser.getText();
  }

  /** A string, or {@code null} for JSON {@code null}. */
  static String optionalString(JsonParser parser, JsonToken token, String field)
      throws IOException, WireFormatException {
    return token == JsonToken.VALUE_NULL ? null : string(parser, token, field);
  }

  static List<String> strings(JsonParser parser, JsonToken token, String field)
      throws IOException, WireFormatException {
    if (token != JsonToken.START_ARRAY) {
      throw wrongType(field, "an array of strings");
    }
    List<String> values = new ArrayList<>();
    for (JsonToken item = parser.nextToken();
        item != JsonToken.END_ARRAY;
        item = parser.nextToken()) {
      values.add(string(parser, item, field));
    }
    return values;
  }

  /** An array of strings, or {@code null} for JSON {@code null}. */
  static List<String> optionalStrings(JsonParser parser, JsonToken token, String field)
      throws IOException, WireFormatException {
    return token == JsonToken.VALUE_NULL ? null : strings(parser, token, field);
  }

  /**
   * {@link #optionalStrings}, read as {@link UnsignedDecimals} when every string is a canonical
   * decimal number below 2^63, as the factors of most numbers are: no {@code String} is made for
   * them. Any other text keeps the list one of strings, exactly as sent.
   */
  static List<String> optionalDecimals(JsonParser parser, JsonToken token, String field)
      throws IOException, WireFormatException {
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.START_ARRAY) {
      throw wrongType(field, "an array of strings");
    }
    long[] values = new long[8];
    int count = 0;
    for (JsonToken item = parser.nextToken();
        item != JsonToken.END_ARRAY;
        item = parser.nextToken()) {
      if (item != JsonToken.VALUE_STRING) {
        throw wrongType(field, "a string"); // as strings() says it
      }
      long value =
          NumberParser.parseSmallCanonical(
              parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
      if (value < 0) {
        List<String> texts = new ArrayList<>(UnsignedDecimals.of(values, count));
        texts.add(parser.getText());
        for (item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
          texts.add(string(parser, item, field));
        }
        return texts;
      }
      if (count == values.length) {
        values = Arrays.copyOf(values, count * 2);
      }
      values[count++] = value;
    }
    return UnsignedDecimals.of(values, count);
  }

  /** Checks that a field the message cannot do without was there. */
  static <T> T required(T value, String field) throws WireFormatException {
    if (value == null) {
      throw missing(field);
    }
    return value;
  }

  static WireFormatException missing(String field) {
    return new WireFormatException("field '" + field + "' is missing");
  }

  private static void requireInteger(JsonParser parser, JsonToken token, String field)
      throws WireFormatException {
    if (token != JsonToken.VALUE_NUMBER_INT) {
      throw wrongType(field, "an integer");
    }
  }

  private static WireFormatException wrongType(String field, String expected) {
    return new WireFormatException("field '" + field + "' is not " + expected);
  }
}
