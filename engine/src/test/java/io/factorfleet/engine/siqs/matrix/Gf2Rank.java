package io.factorfleet.engine.siqs.matrix;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** The rank of a matrix over GF(2), computed plainly and apart from the solvers under test. */
final class Gf2Rank {

  private Gf2Rank() {}

  static int of(int[][] columns) {
    List<BitSet> basis = new ArrayList<>();
    List<Integer> leads = new ArrayList<>();
    for (int[] column : columns) {
      BitSet vector = new BitSet();
      for (int row : column) {
        vector.set(row);
      }
      for (int i = 0; i < basis.size(); i++) {
        if (vector.get(leads.get(i))) {
          vector.xor(basis.get(i));
        }
      }
      if (!vector.isEmpty()) {
        int lead = vector.nextSetBit(0);
        // keep the basis reduced at every lead, so one pass over it reduces a new vector
        for (int i = 0; i < basis.size(); i++) {
          if (basis.get(i).get(lead)) {
            basis.get(i).xor(vector);
          }
        }
        basis.add(vector);
        leads.add(lead);
      }
    }
    return basis.size();
  }
}
