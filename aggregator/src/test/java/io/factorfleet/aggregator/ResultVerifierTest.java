package io.factorfleet.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import io.factorfleet.text.UnsignedDecimals;
import io.factorfleet.wire.NumberResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultVerifierTest {
  private final ResultVerifier verifier = new ResultVerifier();

  @Test
  void shouldAcceptACorrectFactorization() {
    assertThat(verifier.problem(NumberResult.complete("12", List.of("2", "2", "3")))).isEmpty();
    assertThat(verifier.problem(NumberResult.complete("0", List.of()))).isEmpty();
    assertThat(verifier.problem(NumberResult.complete("1", List.of()))).isEmpty();
    assertThat(
            verifier.problem(
                NumberResult.complete(
                    "340282366920938463463374607431768211457",
                    List.of("59649589127497217", "5704689200685129054721"))))
        .isEmpty();
  }

  @Test
  void shouldCatchFactorsThatDoNotMultiplyToTheNumber() {
    assertThat(verifier.problem(NumberResult.complete("12", List.of("2", "3"))))
        .contains("the factors given do not multiply to 12");
    assertThat(verifier.problem(NumberResult.complete("7", List.of())))
        .contains("the factors given do not multiply to 7");
    assertThat(verifier.problem(NumberResult.complete("1", List.of("1"))))
        .contains("factor 1 of 1 is not prime");
  }

  @Test
  void shouldCatchACompositeFactor() {
    assertThat(verifier.problem(NumberResult.complete("12", List.of("3", "4"))))
        .contains("factor 4 of 12 is not prime");
  }

  @Test
  void shouldCheckFactorsKeptAsUnsignedLongsAsItChecksTheirTexts() {
    assertThat(verifier.problem(NumberResult.complete("12", longs(2, 2, 3)))).isEmpty();
    assertThat(verifier.problem(NumberResult.complete("12", longs(2, 6))))
        .contains("factor 6 of 12 is not prime");
    assertThat(verifier.problem(NumberResult.complete("12", longs(3, 2, 2))))
        .contains("factors of 12 are not in ascending order");
    assertThat(verifier.problem(NumberResult.complete("12", longs(2, 3))))
        .contains("the factors given do not multiply to 12");
    assertThat(verifier.problem(NumberResult.complete("18446744073709551615", longs(-1L))))
        .contains("factor 18446744073709551615 of 18446744073709551615 is not prime");
    assertThat(
            verifier.problem(
                NumberResult.complete("18446744073709551614", longs(2, Long.MAX_VALUE))))
        .contains("factor 9223372036854775807 of 18446744073709551614 is not prime");
  }

  private static UnsignedDecimals longs(long... values) {
    return UnsignedDecimals.of(values, values.length);
  }

  @Test
  void shouldCatchFactorsOutOfOrder() {
    assertThat(verifier.problem(NumberResult.complete("12", List.of("3", "2", "2"))))
        .contains("factors of 12 are not in ascending order");
  }

  @Test
  void shouldCatchNonCanonicalNumbers() {
    assertThat(verifier.problem(NumberResult.complete("012", List.of("2", "2", "3")))).isPresent();
    assertThat(verifier.problem(NumberResult.complete("12", List.of("2", "2", "+3")))).isPresent();
    assertThat(verifier.problem(NumberResult.complete("12", List.of("2", "02", "3")))).isPresent();
    assertThat(verifier.problem(NumberResult.complete("12", List.of("2", "2", "3 ")))).isPresent();
    assertThat(verifier.problem(NumberResult.complete("0", List.of("0")))).isPresent();
    assertThat(verifier.problem(NumberResult.complete("12", List.of("0", "2", "2", "3"))))
        .isPresent();
  }

  @Test
  void shouldCheckNumbersOfEveryLengthAroundTheLongPath() {
    // 18 digits take the long arithmetic, 19 and more the general one; both must agree
    assertThat(
            verifier.problem(
                NumberResult.complete("999999999999999989", List.of("999999999999999989"))))
        .isEmpty();
    assertThat(
            verifier.problem(
                NumberResult.complete("9999999999999999961", List.of("9999999999999999961"))))
        .isEmpty();
    assertThat(
            verifier.problem(
                NumberResult.complete("999999999999999999", List.of("999999999999999999"))))
        .contains("factor 999999999999999999 of 999999999999999999 is not prime");
  }

  @Test
  void shouldAcceptAPartialResultOnlyWithACompositeCofactor() {
    assertThat(verifier.problem(NumberResult.partial("60", List.of("2", "2"), "15"))).isEmpty();
    assertThat(verifier.problem(NumberResult.partial("20", List.of("2", "2"), "5")))
        .contains("cofactor 5 of 20 is not composite");
  }

  @Test
  void shouldTakeRefusalsAsTheyAre() {
    assertThat(verifier.problem(NumberResult.refused("abc", "not a number"))).isEmpty();
  }
}
