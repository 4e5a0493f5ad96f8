package io.factorfleet.engine;

/**
 * A quantity measured at a few sizes that grows about exponentially with size, such as a factoring
 * time: between two measured sizes it is interpolated geometrically (linearly in its logarithm),
 * and beyond the first or the last it follows the rate of the nearest two.
 */
public final class GeometricTable {
  private final int[] sizes;
  private final double[] values;

  /**
   * @param sizes the measured sizes, at least two, strictly ascending
   * @param values the positive value measured at each size
   */
  public GeometricTable(int[] sizes, double[] values) {
    if (sizes.length < 2 || sizes.length != values.length) {
      throw new IllegalArgumentException(
          "a table needs two sizes or more, each with a value, but had "
              + sizes.length
              + " sizes and "
              + values.length
              + " values");
    }
    for (int i = 0; i < sizes.length; i++) {
      if (values[i] <= 0 || (i > 0 && sizes[i] <= sizes[i - 1])) {
        throw new IllegalArgumentException(
            "sizes must ascend and values be positive, but size " + sizes[i] + " had " + values[i]);
      }
    }
    this.sizes = sizes.clone();
    this.values = values.clone();
  }

  /** The value at {@code size}. */
  public double at(int size) {
    int upper = 1;
    while (upper < sizes.length - 1 && sizes[upper] < size) {
      upper++;
    }
    int lower = upper - 1;
    double perUnit = Math.log(values[upper] / values[lower]) / (sizes[upper] - sizes[lower]);
    return values[lower] * Math.exp(perUnit * (size - sizes[lower]));
  }
}
