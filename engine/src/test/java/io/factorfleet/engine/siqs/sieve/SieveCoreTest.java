package io.factorfleet.engine.siqs.sieve;

import static org.assertj.core.api.Assertions.assertThat;

import io.factorfleet.engine.siqs.FactorBase;
import io.factorfleet.engine.siqs.SemiprimeNumbers;
import io.factorfleet.engine.siqs.SiqsParameters;
import io.factorfleet.engine.siqs.poly.ACoefficients;
import io.factorfleet.engine.siqs.poly.PolynomialFamily;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SieveCoreTest {

  @ParameterizedTest
  @ValueSource(ints = {30, 50, 70, 80})
  void shouldAddEachSievedPrimesLogarithmAtExactlyThePositionsOfItsRoots(int digits) {
    Setup setup = new Setup(digits);
    PolynomialFamily family = setup.family(3);
    for (int polynomial = 0; polynomial < 3; polynomial++) {
      setup.sieve.sieve(family);
      byte[] expected = expectedCells(setup, family);
      int mismatch = Arrays.mismatch(cells(setup.sieve), expected);
      assertThat(mismatch)
          .as("the first position whose cell is wrong, polynomial %d", polynomial)
          .isEqualTo(-1);
      family.next();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {40, 70})
  void shouldReportEveryCellThatReachedTheThresholdAndNoOther(int digits) {
    Setup setup = new Setup(digits);
    PolynomialFamily family = setup.family(5);
    int reported = 0;
    // polynomials in turn until some have candidates: at 70 digits one may have none
    for (int polynomial = 0; polynomial < 8 && reported == 0; polynomial++, family.next()) {
      setup.sieve.sieve(family);
      int[] out = new int[setup.sieve.size()];
      int count = setup.sieve.candidates(out);
      List<Integer> expected = new ArrayList<>();
      for (int position = 0; position < setup.sieve.size(); position++) {
        if (setup.sieve.cell(position) < 0) {
          expected.add(position);
        }
      }
      assertThat(Arrays.stream(out, 0, count).boxed().toList()).isEqualTo(expected);
      reported += count;
    }
    assertThat(reported).isPositive();
  }

  @ParameterizedTest
  @ValueSource(ints = {50, 70})
  void shouldFindCandidatesWhoseValuesAreMostlySmoothOverTheFactorBase(int digits) {
    Setup setup = new Setup(digits);
    PolynomialFamily family = setup.family(1);
    setup.sieve.sieve(family);
    int[] out = new int[4096];
    int count = setup.sieve.candidates(out);
    assertThat(count).isPositive();
    // the sieve's logarithms say that most of each candidate's bits are factor-base primes
    for (int i = 0; i < count; i++) {
      BigInteger value = setup.value(family, out[i]);
      BigInteger rest = value;
      for (int j = 1; j < setup.factorBase.size(); j++) {
        BigInteger p = BigInteger.valueOf(setup.factorBase.prime(j));
        while (rest.mod(p).signum() == 0) {
          rest = rest.divide(p);
        }
      }
      rest = rest.shiftRight(rest.getLowestSetBit());
      assertThat(rest.bitLength()).as("candidate %d", out[i]).isLessThan(value.bitLength() / 2);
    }
  }

  private static byte[] cells(SieveCore sieve) {
    byte[] cells = new byte[sieve.size()];
    for (int position = 0; position < cells.length; position++) {
      cells[position] = (byte) sieve.cell(position);
    }
    return cells;
  }

  /** The cells summed the slow way: every sieved prime at every position of its roots. */
  private static byte[] expectedCells(Setup setup, PolynomialFamily family) {
    byte[] expected = new byte[setup.sieve.size()];
    Arrays.fill(expected, (byte) setup.sieve.initialCell());
    for (int j = 1; j < setup.factorBase.size(); j++) {
      int p = setup.factorBase.prime(j);
      int r1 = family.roots1()[j];
      if (r1 == PolynomialFamily.NO_ROOT || setup.sieve.logOf(j) == 0) {
        continue;
      }
      int r2 = family.roots2()[j];
      byte log = (byte) setup.sieve.logOf(j);
      for (int position = r1; position < expected.length; position += p) {
        expected[position] += log;
      }
      for (int position = r2; position < expected.length && r2 != r1; position += p) {
        expected[position] += log;
      }
    }
    return expected;
  }

  private static final class Setup {
    final FactorBase factorBase;
    final SiqsParameters parameters;
    final SieveCore sieve;

    Setup(int digits) {
      BigInteger n = SemiprimeNumbers.seeded(digits).aSemiprimeOfDigits(digits);
      parameters = SiqsParameters.forBits(n.bitLength());
      factorBase = FactorBase.of(n, parameters.factorBaseSize());
      sieve =
          new SieveCore(
              factorBase,
              parameters.sieveHalfWidth(),
              parameters.smallPrimeLimit(),
              parameters.thresholdSlack());
    }

    PolynomialFamily family(long aIndex) {
      ACoefficients choice =
          new ACoefficients(factorBase, parameters.sieveHalfWidth(), parameters.smallPrimeLimit());
      return new PolynomialFamily(
          factorBase, parameters.sieveHalfWidth(), choice.primeIndices(aIndex));
    }

    BigInteger value(PolynomialFamily family, int position) {
      BigInteger x = BigInteger.valueOf(position - parameters.sieveHalfWidth());
      BigInteger y = family.a().multiply(x).add(family.b());
      return y.multiply(y).subtract(factorBase.kN()).abs().divide(family.a());
    }
  }
}
