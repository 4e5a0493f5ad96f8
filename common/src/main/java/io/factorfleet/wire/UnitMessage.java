package io.factorfleet.wire;

import static io.factorfleet.wire.JsonFields.doubleValue;
import static io.factorfleet.wire.JsonFields.intValue;
import static io.factorfleet.wire.JsonFields.longValue;
import static io.factorfleet.wire.JsonFields.required;
import static io.factorfleet.wire.JsonFields.string;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;

/**
 * A unit of work on one hard number of a job, published on the task queue by the job's coordinator:
 * a range of ECM curves, or a range of the quadratic sieve's A coefficients. It names no {@code
 * task}, so that a worker of an earlier build, which cannot run it, dead-letters it instead of
 * answering it as a task.
 *
 * @param version schema version, {@link WireCodec#VERSION}
 * @param job the job of the number
 * @param number the index of the task that holds the number in its job
 * @param unit the unit's index among the number's units, from 0
 * @param n the number the unit works on, as a canonical decimal string
 * @param ecm the curves to run, or null for a sieve unit
 * @param sieve the A coefficients to sieve, or null for an ECM unit
 */
public record UnitMessage(
    int version, String job, long number, long unit, String n, Ecm ecm, Sieve sieve)
    implements WireMessage {

  public UnitMessage {
    Objects.requireNonNull(n, "n must not be null");
    if ((ecm == null) == (sieve == null)) {
      throw new IllegalArgumentException("a unit is either ECM or sieve work");
    }
  }

  public static UnitMessage ecm(String job, long number, long unit, String n, Ecm ecm) {
    return new UnitMessage(WireCodec.VERSION, job, number, unit, n, ecm, null);
  }

  public static UnitMessage sieve(String job, long number, long unit, String n, Sieve sieve) {
    return new UnitMessage(WireCodec.VERSION, job, number, unit, n, null, sieve);
  }

  /** ECM curves: B1, B2, the Suyama parameter of the first curve, and how many curves from it. */
  public record Ecm(int b1, int b2, long firstSigma, int curves) {}

  /**
   * Sieve work: the multiplier k (the sieve works on kN), the sieve's parameters, and the range of
   * A-coefficient indices.
   */
  public record Sieve(
      int multiplier,
      int factorBaseSize,
      int sieveHalfWidth,
      int largePrimeMultiplier,
      int smallPrimeLimit,
      double thresholdSlack,
      int extraRelations,
      int doubleLargePrimeBits,
      long firstA,
      int aCount) {}

  /**
   * {@code {"version":2,"job":"j","number":3,"unit":0,"n":"...","ecm":{"b1":150,"b2":7500,
   * "sigma":6,"curves":8}}}, or with {@code "sieve":{"multiplier":1,"factorBase":4000,...}}.
   */
  void writeTo(JsonGenerator json) throws IOException {
    MessageHeader.writeStart(json, version, job);
    json.writeNumberField("number", number);
    json.writeNumberField("unit", unit);
    json.writeStringField("n", n);
    if (ecm != null) {
      json.writeObjectFieldStart("ecm");
      json.writeNumberField("b1", ecm.b1());
      json.writeNumberField("b2", ecm.b2());
      json.writeNumberField("sigma", ecm.firstSigma());
      json.writeNumberField("curves", ecm.curves());
    } else {
      json.writeObjectFieldStart("sieve");
      json.writeNumberField("multiplier", sieve.multiplier());
      json.writeNumberField("factorBase", sieve.factorBaseSize());
      json.writeNumberField("halfWidth", sieve.sieveHalfWidth());
      json.writeNumberField("largePrimeMultiplier", sieve.largePrimeMultiplier());
      json.writeNumberField("smallPrimeLimit", sieve.smallPrimeLimit());
      json.writeNumberField("thresholdSlack", sieve.thresholdSlack());
      json.writeNumberField("extraRelations", sieve.extraRelations());
      json.writeNumberField("doubleLargePrimeBits", sieve.doubleLargePrimeBits());
      json.writeNumberField("firstA", sieve.firstA());
      json.writeNumberField("aCount", sieve.aCount());
    }
    json.writeEndObject();
    json.writeEndObject();
  }

  private static final Map<String, MessageHeader.Field<Body>> FIELDS =
      Map.of(
          "number", (body, json, value, field) -> body.number = longValue(json, value, field),
          "unit", (body, json, value, field) -> body.unit = longValue(json, value, field),
          "n", (body, json, value, field) -> body.n = string(json, value, field),
          "ecm", (body, json, value, field) -> body.ecm = readEcm(json, value),
          "sieve", (body, json, value, field) -> body.sieve = readSieve(json, value));

  private static final class Body {
    Long number;
    Long unit;
    String n;
    Ecm ecm;
    Sieve sieve;
  }

  static UnitMessage readFrom(JsonParser json) throws IOException, WireFormatException {
    Body body = new Body();
    MessageHeader header = MessageHeader.read(json, false, FIELDS, body);
    if ((body.ecm == null) == (body.sieve == null)) {
      throw new WireFormatException("a unit needs exactly one of 'ecm' and 'sieve'");
    }
    return new UnitMessage(
        header.version(),
        header.job(),
        required(body.number, "number"),
        required(body.unit, "unit"),
        required(body.n, "n"),
        body.ecm,
        body.sieve);
  }

  private static Ecm readEcm(JsonParser json, JsonToken value)
      throws IOException, WireFormatException {
    Integer b1 = null;
    Integer b2 = null;
    Long sigma = null;
    Integer curves = null;
    requireObject(value, "ecm");
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      JsonToken token = json.nextToken();
      switch (field) {
        case "b1" -> b1 = intValue(json, token, field);
        case "b2" -> b2 = intValue(json, token, field);
        case "sigma" -> sigma = longValue(json, token, field);
        case "curves" -> curves = intValue(json, token, field);
        default -> json.skipChildren();
      }
    }
    return new Ecm(
        required(b1, "b1"),
        required(b2, "b2"),
        required(sigma, "sigma"),
        required(curves, "curves"));
  }

  private static Sieve readSieve(JsonParser json, JsonToken value)
      throws IOException, WireFormatException {
    Integer multiplier = null;
    Integer factorBase = null;
    Integer halfWidth = null;
    Integer largePrimeMultiplier = null;
    Integer smallPrimeLimit = null;
    Double thresholdSlack = null;
    Integer extraRelations = null;
    Integer doubleLargePrimeBits = null;
    Long firstA = null;
    Integer aCount = null;
    requireObject(value, "sieve");
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      JsonToken token = json.nextToken();
      switch (field) {
        case "multiplier" -> multiplier = intValue(json, token, field);
        case "factorBase" -> factorBase = intValue(json, token, field);
        case "halfWidth" -> halfWidth = intValue(json, token, field);
        case "largePrimeMultiplier" -> largePrimeMultiplier = intValue(json, token, field);
        case "smallPrimeLimit" -> smallPrimeLimit = intValue(json, token, field);
        case "thresholdSlack" -> thresholdSlack = doubleValue(json, token, field);
        case "extraRelations" -> extraRelations = intValue(json, token, field);
        case "doubleLargePrimeBits" -> doubleLargePrimeBits = intValue(json, token, field);
        case "firstA" -> firstA = longValue(json, token, field);
        case "aCount" -> aCount = intValue(json, token, field);
        default -> json.skipChildren();
      }
    }
    return new Sieve(
        required(multiplier, "multiplier"),
        required(factorBase, "factorBase"),
        required(halfWidth, "halfWidth"),
        required(largePrimeMultiplier, "largePrimeMultiplier"),
        required(smallPrimeLimit, "smallPrimeLimit"),
        required(thresholdSlack, "thresholdSlack"),
        required(extraRelations, "extraRelations"),
        required(doubleLargePrimeBits, "doubleLargePrimeBits"),
        required(firstA, "firstA"),
        required(aCount, "aCount"));
  }

  private static void requireObject(JsonToken value, String field) throws WireFormatException {
    if (value != JsonToken.START_OBJECT) {
      throw new WireFormatException("field '" + field + "' is not an object");
    }
  }
}
