package io.factorfleet.wire;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
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
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NumberResult(
    @JsonProperty(required = true) String n, List<String> factors, String cofactor, String error) {
  public NumberResult {
    factors = factors == null ? null : List.copyOf(factors);
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

  @JsonIgnore
  public boolean isComplete() {
    return error == null && cofactor == null;
  }

  @JsonIgnore
  public boolean isRefused() {
    return error != null;
  }
}
