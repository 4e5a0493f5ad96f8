package io.factorfleet.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class EcmUnitTest {
  // a 20-digit prime and a 31-digit prime
  private static final BigInteger P = new BigInteger("10000000000000000051");
  private static final BigInteger Q = new BigInteger("1113387602746270296741581808767");

  @Test
  void pretestUnitsRunTheEnginesCurvesInOrder() {
    BigInteger n = P.multiply(Q);
    List<EcmUnit> units = EcmUnit.pretest(n, 8);
    long sigma = units.get(0).firstSigma();
    for (EcmUnit unit : units) {
      assertThat(unit.firstSigma()).isEqualTo(sigma);
      assertThat(unit.curves()).isBetween(1, 8);
      sigma += unit.curves();
    }
    assertThat(units.get(0).firstSigma()).isEqualTo(6);
  }

  @Test
  void unitFindsASmallFactor() {
    BigInteger small = new BigInteger("1000003");
    BigInteger n = small.multiply(Q);
    BigInteger factor = new EcmUnit(n, 2000, 100_000, 6, 20).run(() -> false);
    assertThat(factor).isNotNull();
    assertThat(n.mod(factor)).isZero();
    assertThat(factor).isNotIn(BigInteger.ONE, n);
  }

  @Test
  void abandonedUnitFindsNothing() {
    assertThat(new EcmUnit(P.multiply(Q), 2000, 100_000, 6, 50).run(() -> true)).isNull();
  }

  @Test
  void outOfRangeBoundsAreRefused() {
    BigInteger n = P.multiply(Q);
    assertThatThrownBy(() -> new EcmUnit(n, EcmUnit.MAX_B1 + 1, EcmUnit.MAX_B1 + 1, 6, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EcmUnit(n, 500, 500 * 101, 6, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EcmUnit(n, 500, 5000, 5, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
