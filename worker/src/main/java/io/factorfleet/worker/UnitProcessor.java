package io.factorfleet.worker;

import io.factorfleet.engine.EcmUnit;
import io.factorfleet.engine.siqs.FactorBase;
import io.factorfleet.engine.siqs.Relation;
import io.factorfleet.engine.siqs.RelationSieve;
import io.factorfleet.engine.siqs.SieveUnit;
import io.factorfleet.engine.siqs.SiqsParameters;
import io.factorfleet.text.InvalidNumberException;
import io.factorfleet.text.NumberParser;
import io.factorfleet.wire.UnitMessage;
import io.factorfleet.wire.UnitResultMessage;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Runs a unit of a hard number with the engine and turns it into its answer; no transport here. A
 * unit that asks for something the engine refuses (a number or parameters out of range) is answered
 * with the reason. A unit runs for at most the task budget, and then answers with the relations
 * found so far: any relation is as good as another to its coordinator.
 */
final class UnitProcessor {

  /** The most relations one answer carries; a unit stops once it has found them. */
  static final int MAX_RELATIONS = 20_000;

  /** The largest multiplier a unit may ask for: Knuth-Schroeppel's are far smaller. */
  private static final int MAX_MULTIPLIER = 1 << 16;

  private static final BigInteger TWO_POW_64 = BigInteger.ONE.shiftLeft(64);

  private final String workerId;
  private final Duration budget;
  private final NumberParser parser;

  /**
   * Each factoring thread's sieve of the last kN and parameters it sieved: setting one up (the
   * factor base, the A-coefficient choice) takes tens of milliseconds at 70 digits, and the units
   * of one number follow each other.
   */
  private final ThreadLocal<PreparedSieve> sieves = new ThreadLocal<>();

  private record PreparedSieve(BigInteger kN, SiqsParameters parameters, RelationSieve sieve) {}

  UnitProcessor(String workerId, Duration budget, NumberParser parser) {
    this.workerId = workerId;
    this.budget = budget;
    this.parser = parser;
  }

  /**
   * The unit's answer, or nothing when {@code dropped} says, between curves or polynomials, that
   * the unit is no longer wanted.
   */
  Optional<UnitResultMessage> process(UnitMessage unit, BooleanSupplier dropped) {
    long started = System.nanoTime();
    long deadline = started + budget.toNanos();
    BigInteger n;
    try {
      n = parser.parse(unit.n());
    } catch (InvalidNumberException e) {
      return Optional.of(refused(unit, e.getMessage()));
    }
    List<UnitResultMessage.Relation> relations = new ArrayList<>();
    BooleanSupplier abandon =
        () ->
            dropped.getAsBoolean()
                || System.nanoTime() - deadline > 0
                || relations.size() >= MAX_RELATIONS
                || Thread.currentThread().isInterrupted();
    String factor = null;
    try {
      if (n.compareTo(TWO_POW_64) < 0) {
        throw new IllegalArgumentException("a unit's number must be above 2^64 but was " + n);
      }
      if (unit.ecm() != null) {
        UnitMessage.Ecm ecm = unit.ecm();
        BigInteger found =
            new EcmUnit(n, ecm.b1(), ecm.b2(), ecm.firstSigma(), ecm.curves()).run(abandon);
        factor = found == null ? null : found.toString();
      } else {
        SieveUnit sieve = sieveUnit(n, unit.sieve());
        sieve.run(sieveFor(sieve), relation -> relations.add(wire(relation)), abandon);
      }
    } catch (IllegalArgumentException e) {
      return Optional.of(refused(unit, e.getMessage()));
    }
    if (dropped.getAsBoolean()) {
      return Optional.empty();
    }
    return Optional.of(
        UnitResultMessage.found(
            unit.job(),
            unit.number(),
            unit.unit(),
            workerId,
            System.nanoTime() - started,
            factor,
            relations));
  }

  private static SieveUnit sieveUnit(BigInteger n, UnitMessage.Sieve sieve) {
    if (sieve.multiplier() > MAX_MULTIPLIER) {
      throw new IllegalArgumentException(
          "the multiplier must be at most " + MAX_MULTIPLIER + " but was " + sieve.multiplier());
    }
    SiqsParameters parameters =
        new SiqsParameters(
            sieve.factorBaseSize(),
            sieve.sieveHalfWidth(),
            sieve.largePrimeMultiplier(),
            sieve.smallPrimeLimit(),
            sieve.thresholdSlack(),
            sieve.extraRelations(),
            sieve.doubleLargePrimeBits());
    return new SieveUnit(n, sieve.multiplier(), parameters, sieve.firstA(), sieve.aCount());
  }

  /** This thread's sieve for the unit's kN and parameters, set up again when they changed. */
  private RelationSieve sieveFor(SieveUnit unit) {
    BigInteger kN = unit.kN();
    PreparedSieve prepared = sieves.get();
    if (prepared == null
        || !prepared.kN().equals(kN)
        || !prepared.parameters().equals(unit.parameters())) {
      FactorBase factorBase = FactorBase.of(kN, unit.parameters().factorBaseSize());
      prepared =
          new PreparedSieve(
              kN, unit.parameters(), new RelationSieve(factorBase, unit.parameters()));
      sieves.set(prepared);
    }
    return prepared.sieve();
  }

  private static UnitResultMessage.Relation wire(Relation relation) {
    return new UnitResultMessage.Relation(
        relation.y().toString(),
        relation.negative(),
        relation.largePrime(),
        relation.secondLargePrime(),
        relation.primes());
  }

  private UnitResultMessage refused(UnitMessage unit, String reason) {
    return UnitResultMessage.refused(
        unit.job(),
        unit.number(),
        unit.unit(),
        workerId,
        "unit " + unit.unit() + " of number " + unit.number() + " was not run: " + reason);
  }
}
