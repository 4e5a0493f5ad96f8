package io.factorfleet.cli.progress;

import java.util.Locale;

/**
 * What the engine last said about one hard number, and the line that shows it: {@code 60-digit
 * number: sieving 1,500/2,230 relations}. A pure value, so that the line can be checked at any
 * width.
 *
 * @param digits the number's decimal digits
 * @param step the engine's step on it
 * @param done curves run, relations found or matrix rows, as the step has it
 * @param of relations needed or matrix columns; unused for ECM
 * @param workers the fleet's workers sieving it, or 0 when it is sieved in this process
 * @param perWorker relations a second each of those workers finds
 */
public record HardNumberStatus(
    int digits, Step step, int done, int of, int workers, double perWorker) {

  /** The steps of the engine on a hard number that report their progress. */
  public enum Step {
    /** Elliptic curves tried. */
    ECM,
    /** Relations collected by the quadratic sieve. */
    SIEVING,
    /** The sieve's matrix, being solved. */
    MATRIX
  }

  /** ECM has run {@code curves} curves. */
  public static HardNumberStatus ecm(int digits, int curves) {
    return new HardNumberStatus(digits, Step.ECM, curves, 0, 0, 0);
  }

  /** The sieve has {@code found} of the {@code needed} relations. */
  public static HardNumberStatus sieving(int digits, int found, int needed) {
    return new HardNumberStatus(digits, Step.SIEVING, found, needed, 0, 0);
  }

  /** The same step, sieved by {@code workers} workers at {@code perWorker} relations a second. */
  public HardNumberStatus onWorkers(int workers, double perWorker) {
    return new HardNumberStatus(digits, step, done, of, workers, perWorker);
  }

  /** The sieve solves its matrix of {@code rows} by {@code columns}. */
  public static HardNumberStatus matrix(int digits, int rows, int columns) {
    return new HardNumberStatus(digits, Step.MATRIX, rows, columns, 0, 0);
  }

  /**
   * The line: {@code 60-digit number: ECM 123 curves}, {@code 60-digit number: sieving 1,500/2,230
   * relations} (with {@code , 2 workers at 310/s each} when the fleet sieves it) or {@code 60-digit
   * number: matrix 2,166 x 2,232}.
   *
   * @param width columns of the terminal; the line takes at most one less, so that it never wraps
   */
  public String render(int width) {
    String what =
        switch (step) {
          case ECM -> "ECM " + count(done) + (done == 1 ? " curve" : " curves");
          case SIEVING ->
              "sieving "
                  + count(done)
                  + "/"
                  + count(of)
                  + " relations"
                  + (workers == 0
                      ? ""
                      : ", "
                          + workers
                          + (workers == 1 ? " worker at " : " workers at ")
                          + count(Math.round(perWorker))
                          + "/s"
                          + (workers == 1 ? "" : " each"));
          case MATRIX -> "matrix " + count(done) + " x " + count(of);
        };
    String text = digits + "-digit number: " + what;
    return text.length() < width ? text : text.substring(0, Math.max(0, width - 1));
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
