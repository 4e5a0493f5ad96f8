package io.factorfleet.engine.siqs.poly;

import static org.assertj.core.api.Assertions.assertThat;

import io.factorfleet.engine.siqs.FactorBase;
import io.factorfleet.engine.siqs.SemiprimeNumbers;
import io.factorfleet.engine.siqs.SiqsParameters;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolynomialFamilyTest {

  @ParameterizedTest
  @ValueSource(ints = {30, 45, 60, 80})
  void shouldKeepBSquaredCongruentToKnModuloAForEveryPolynomial(int digits) {
    FactorBase factorBase = factorBaseFor(digits);
    SiqsParameters parameters = SiqsParameters.forBits(factorBase.kN().bitLength());
    ACoefficients choice =
        new ACoefficients(factorBase, parameters.sieveHalfWidth(), parameters.smallPrimeLimit());
    for (long index = 0; index < 3; index++) {
      PolynomialFamily family =
          new PolynomialFamily(factorBase, parameters.sieveHalfWidth(), choice.primeIndices(index));
      int polynomials = 0;
      do {
        BigInteger b = family.b();
        assertThat(b.multiply(b).subtract(factorBase.kN()).mod(family.a())).isZero();
        polynomials++;
      } while (family.next());
      assertThat(polynomials).isEqualTo(family.count()).isEqualTo(1 << (choice.primeCount() - 1));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {30, 50, 70})
  void shouldPutEveryRootWherePDividesTheSievedValue(int digits) {
    FactorBase factorBase = factorBaseFor(digits);
    SiqsParameters parameters = SiqsParameters.forBits(factorBase.kN().bitLength());
    int halfWidth = parameters.sieveHalfWidth();
    ACoefficients choice = new ACoefficients(factorBase, halfWidth, parameters.smallPrimeLimit());
    PolynomialFamily family = new PolynomialFamily(factorBase, halfWidth, choice.primeIndices(7));
    for (int step = 0; step < 5; step++) {
      for (int j = 1; j < factorBase.size(); j += 7) {
        int p = factorBase.prime(j);
        for (int root : new int[] {family.roots1()[j], family.roots2()[j]}) {
          if (root == PolynomialFamily.NO_ROOT) {
            continue;
          }
          BigInteger x = BigInteger.valueOf(root - halfWidth);
          BigInteger y = family.a().multiply(x).add(family.b());
          BigInteger value = y.multiply(y).subtract(factorBase.kN());
          assertThat(value.mod(BigInteger.valueOf(p))).as("p = %d", p).isZero();
        }
      }
      family.next();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {40, 60, 80})
  void shouldChooseAOfTheTargetSizeFromTheSameIndexEveryTime(int digits) {
    FactorBase factorBase = factorBaseFor(digits);
    SiqsParameters parameters = SiqsParameters.forBits(factorBase.kN().bitLength());
    int halfWidth = parameters.sieveHalfWidth();
    ACoefficients choice = new ACoefficients(factorBase, halfWidth, parameters.smallPrimeLimit());
    double target = factorBase.kN().shiftLeft(1).sqrt().doubleValue() / halfWidth; // sqrt(2 kN) / M
    for (long index = 0; index < 20; index++) {
      int[] primes = choice.primeIndices(index);
      assertThat(primes).isEqualTo(choice.primeIndices(index)).isSorted().doesNotHaveDuplicates();
      double a = choice.product(primes).doubleValue();
      assertThat(a / target).isBetween(0.5, 2.0);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {25, 28, 30, 35, 40})
  void shouldDrawManyDistinctAFromSmallFactorBases(int digits) {
    for (int seed = 0; seed < 5; seed++) {
      BigInteger n = SemiprimeNumbers.seeded(seed * 100 + digits).aSemiprimeOfDigits(digits);
      SiqsParameters parameters = SiqsParameters.forBits(n.bitLength());
      FactorBase factorBase = FactorBase.of(n, parameters.factorBaseSize());
      ACoefficients choice =
          new ACoefficients(factorBase, parameters.sieveHalfWidth(), parameters.smallPrimeLimit());
      Set<BigInteger> distinct = new HashSet<>();
      for (long index = 0; index < 500; index++) {
        distinct.add(choice.product(choice.primeIndices(index)));
      }
      // far more polynomials than relations needed, even where a polynomial yields only one
      int polynomials = distinct.size() << (choice.primeCount() - 1);
      assertThat(polynomials)
          .as("%d digits, seed %d", digits, seed)
          .isGreaterThan(3 * parameters.relationsNeeded());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {50, 60, 65, 70, 80})
  void shouldNotRepeatAnACoefficientWhereTheFactorBaseHasRoomForMany(int digits) {
    FactorBase factorBase = factorBaseFor(digits);
    SiqsParameters parameters = SiqsParameters.forBits(factorBase.kN().bitLength());
    ACoefficients choice =
        new ACoefficients(factorBase, parameters.sieveHalfWidth(), parameters.smallPrimeLimit());
    Set<BigInteger> distinct = new HashSet<>();
    for (long index = 0; index < 1000; index++) {
      distinct.add(choice.product(choice.primeIndices(index)));
    }
    // every repeat is a polynomial family sieved twice for relations already counted
    assertThat(distinct).as("%d digits", digits).hasSize(1000);
  }

  private static FactorBase factorBaseFor(int digits) {
    BigInteger n = SemiprimeNumbers.seeded(digits).aSemiprimeOfDigits(digits);
    SiqsParameters parameters = SiqsParameters.forBits(n.bitLength());
    return FactorBase.of(n, parameters.factorBaseSize());
  }
}
