package io.factorfleet.wire;

import static io.factorfleet.wire.JsonFields.longValue;
import static io.factorfleet.wire.JsonFields.optionalString;
import static io.factorfleet.wire.JsonFields.required;
import static io.factorfleet.wire.JsonFields.string;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A worker's answer to one unit: the factor an ECM unit found, the relations a sieve unit found, or
 * why the unit could not be run. Nothing in it is trusted: the coordinator checks every relation
 * and factor on its own.
 *
 * @param version schema version, {@link WireCodec#VERSION}
 * @param job the job of the unit answered
 * @param number the index of the task holding the unit's number
 * @param unit the index of the unit answered
 * @param worker the id of the worker that answered
 * @param nanos time spent on the unit, in nanoseconds
 * @param factor a factor of the number found by an ECM unit, as a decimal string, or null
 * @param relations the relations a sieve unit found, in the order found
 * @param error why the unit was not run, or null
 */
public record UnitResultMessage(
    int version,
    String job,
    long number,
    long unit,
    String worker,
    long nanos,
    String factor,
    List<Relation> relations,
    String error)
    implements WireMessage {

  /** The most factor-base primes a relation may list, repeats included. */
  public static final int MAX_PRIMES_PER_RELATION = 256;

  public UnitResultMessage {
    relations = List.copyOf(relations);
  }

  public static UnitResultMessage found(
      String job,
      long number,
      long unit,
      String worker,
      long nanos,
      String factor,
      List<Relation> relations) {
    return new UnitResultMessage(
        WireCodec.VERSION, job, number, unit, worker, nanos, factor, relations, null);
  }

  public static UnitResultMessage refused(
      String job, long number, long unit, String worker, String error) {
    return new UnitResultMessage(
        WireCodec.VERSION, job, number, unit, worker, 0, null, List.of(), error);
  }

  /**
   * One relation, {@code y^2 - kN = sign * primes * largePrime * secondLargePrime}, as a sieve unit
   * found it: written as an array {@code ["y", sign, largePrime, secondLargePrime, p1, p2, ...]},
   * sign -1 or 1 and 1 for a large prime that is not there.
   */
  public record Relation(
      String y, boolean negative, long largePrime, long secondLargePrime, int[] primes) {
    public Relation {
      primes = primes.clone();
    }

    @Override
    public int[] primes() {
      return primes.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Relation that
          && y.equals(that.y)
          && negative == that.negative
          && largePrime == that.largePrime
          && secondLargePrime == that.secondLargePrime
          && Arrays.equals(primes, that.primes);
    }

    @Override
    public int hashCode() {
      return y.hashCode() * 31 + Arrays.hashCode(primes);
    }

    @Override
    public String toString() {
      return "Relation[y=" + y + ", " + (negative ? "-" : "+") + Arrays.toString(primes) + "]";
    }
  }

  void writeTo(JsonGenerator json) throws IOException {
    MessageHeader.writeStart(json, version, job);
    json.writeNumberField("number", number);
    json.writeNumberField("unit", unit);
    json.writeStringField("worker", worker);
    json.writeNumberField("nanos", nanos);
    if (factor != null) {
      json.writeStringField("factor", factor);
    }
    if (error != null) {
      json.writeStringField("error", error);
    }
    json.writeArrayFieldStart("relations");
    for (Relation relation : relations) {
      json.writeStartArray();
      json.writeString(relation.y());
      json.writeNumber(relation.negative() ? -1 : 1);
      json.writeNumber(relation.largePrime());
      json.writeNumber(relation.secondLargePrime());
      for (int p : relation.primes) {
        json.writeNumber(p);
      }
      json.writeEndArray();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static final Map<String, MessageHeader.Field<Body>> FIELDS =
      Map.of(
          "number", (body, json, value, field) -> body.number = longValue(json, value, field),
          "unit", (body, json, value, field) -> body.unit = longValue(json, value, field),
          "worker", (body, json, value, field) -> body.worker = string(json, value, field),
          "nanos", (body, json, value, field) -> body.nanos = longValue(json, value, field),
          "factor", (body, json, value, field) -> body.factor = optionalString(json, value, field),
          "error", (body, json, value, field) -> body.error = optionalString(json, value, field),
          "relations", (body, json, value, field) -> body.relations = readRelations(json, value));

  private static final class Body {
    Long number;
    Long unit;
    String worker;
    Long nanos;
    String factor;
    String error;
    List<Relation> relations;
  }

  static UnitResultMessage readFrom(JsonParser json) throws IOException, WireFormatException {
    Body body = new Body();
    MessageHeader header = MessageHeader.read(json, false, FIELDS, body);
    return new UnitResultMessage(
        header.version(),
        header.job(),
        required(body.number, "number"),
        required(body.unit, "unit"),
        required(body.worker, "worker"),
        required(body.nanos, "nanos"),
        body.factor,
        required(body.relations, "relations"),
        body.error);
  }

  private static List<Relation> readRelations(JsonParser json, JsonToken value)
      throws IOException, WireFormatException {
    if (value != JsonToken.START_ARRAY) {
      throw new WireFormatException("field 'relations' is not an array");
    }
    List<Relation> relations = new ArrayList<>();
    int[] primes = new int[MAX_PRIMES_PER_RELATION];
    for (JsonToken item = json.nextToken(); item != JsonToken.END_ARRAY; item = json.nextToken()) {
      if (item != JsonToken.START_ARRAY) {
        throw new WireFormatException("a relation is not an array");
      }
      String y = string(json, json.nextToken(), "relation's y");
      long sign = longValue(json, json.nextToken(), "relation's sign");
      if (sign != 1 && sign != -1) {
        throw new WireFormatException("a relation's sign is " + sign + ", not 1 or -1");
      }
      long largePrime = longValue(json, json.nextToken(), "relation's large prime");
      long secondLargePrime = longValue(json, json.nextToken(), "relation's second large prime");
      int count = 0;
      for (JsonToken p = json.nextToken(); p != JsonToken.END_ARRAY; p = json.nextToken()) {
        if (count == MAX_PRIMES_PER_RELATION) {
          throw new WireFormatException(
              "a relation lists more than " + MAX_PRIMES_PER_RELATION + " primes");
        }
        primes[count++] = JsonFields.intValue(json, p, "relation's prime");
      }
      relations.add(
          new Relation(y, sign < 0, largePrime, secondLargePrime, Arrays.copyOf(primes, count)));
    }
    return relations;
  }
}
