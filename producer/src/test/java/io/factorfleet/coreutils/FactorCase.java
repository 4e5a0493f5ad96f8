package io.factorfleet.coreutils;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One test of coreutils' {@code tests/factor/factor.pl}, as {@code fleet factor} must pass it.
 *
 * @param name the test's name in factor.pl
 * @param arguments the command-line arguments, none when the input is piped
 * @param stdin the input piped in, empty with arguments
 * @param stdout what must be printed on standard output
 * @param stderr what must be printed on standard error, {@code $prog} standing for the program
 * @param exitStatus the status the program must exit with
 * @param note why the test differs from factor.pl; {@code SKIP: } and why it cannot be run
 */
public record FactorCase(
    String name,
    List<String> arguments,
    String stdin,
    String stdout,
    String stderr,
    int exitStatus,
    String note) {
  private static final String SKIP = "SKIP: ";

  /** Every row of {@code factor-pl.tsv}, in factor.pl's order. */
  public static List<FactorCase> all() {
    return TestTable.rows("factor-pl.tsv").stream().map(FactorCase::of).toList();
  }

  private static FactorCase of(List<String> row) {
    String input = row.get(1);
    boolean piped = input.startsWith("stdin:");
    if (!piped && !input.startsWith("args:")) {
      throw new IllegalStateException(row.get(0) + ": input is neither args: nor stdin:");
    }
    String text = input.substring(input.indexOf(':') + 1);
    return new FactorCase(
        row.get(0),
        piped ? List.of() : Arrays.stream(text.split(" ")).filter(a -> !a.isEmpty()).toList(),
        piped ? text : "",
        row.get(2),
        row.get(3),
        Integer.parseInt(row.get(4)),
        row.get(5));
  }

  /** Standard error as {@code program} must print it. */
  public String stderrOf(String program) {
    return stderr.replace("$prog", program);
  }

  /** Why the test cannot be run, if it cannot. */
  public Optional<String> skipReason() {
    return note.startsWith(SKIP) ? Optional.of(note.substring(SKIP.length())) : Optional.empty();
  }

  @Override
  public String toString() {
    return name;
  }
}
