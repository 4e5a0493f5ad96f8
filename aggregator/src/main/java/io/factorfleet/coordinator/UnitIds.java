package io.factorfleet.coordinator;

/**
 * The ids of a hard number's units, which say what each unit was without a look at the unit: an
 * answer carries only the id, and a coordinator taken up again after a restart must know from the
 * answers it kept which ECM units were answered and which A coefficients were sieved.
 *
 * <p>An id is {@code split * 2^40 + index} for the ECM units of the number's {@code split}-th
 * composite given to the fleet ({@code index} its place in {@link
 * io.factorfleet.engine.EcmUnit#pretest}), and {@code split * 2^40 + 2^32 + firstA} for its sieve
 * units ({@code firstA} the index of the unit's first A coefficient). So ids grow as a number's
 * work goes on, which {@code fleet.units-done} relies on: it drops the units below an id.
 */
final class UnitIds {
  private static final long SIEVE = 1L << 32;
  private static final int SPLIT_SHIFT = 40;
  private static final long INDEX = SIEVE - 1;

  private UnitIds() {}

  /** The id of the {@code index}-th ECM unit of the {@code split}-th composite. */
  static long ecm(int split, int index) {
    return base(split) + index;
  }

  /** The id of the sieve unit of the {@code split}-th composite starting at A {@code firstA}. */
  static long sieve(int split, long firstA) {
    if (firstA < 0 || firstA > INDEX) {
      throw new IllegalArgumentException("A index " + firstA + " is out of the ids' range");
    }
    return base(split) + SIEVE + firstA;
  }

  /** Which composite of its number the unit {@code id} worked on, counted from 0. */
  static int split(long id) {
    return (int) (id >>> SPLIT_SHIFT);
  }

  static boolean isSieve(long id) {
    return (id & SIEVE) != 0;
  }

  /** The ECM unit's place in the pretest, or the sieve unit's first A coefficient. */
  static long index(long id) {
    return id & INDEX;
  }

  private static long base(int split) {
    return (long) split << SPLIT_SHIFT;
  }
}
