package io.factorfleet.engine.siqs.relations;

import static org.assertj.core.api.Assertions.assertThat;

import io.factorfleet.engine.siqs.Relation;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RelationStoreTest {

  @Test
  void shouldGiveBackEachRelationAsStored() {
    RelationStore store = new RelationStore();
    Relation full =
        new Relation(new BigInteger("123456789012345678901234567890"), true, primes(), 1);
    Relation partial = new Relation(BigInteger.valueOf(-77), false, new int[] {3, 3, 5}, 1009);
    Relation partialPartial =
        new Relation(BigInteger.ONE.shiftLeft(200).negate(), true, new int[] {}, 7919, 104_729);

    int first = store.add(full);
    int second = store.add(partial);
    int third = store.add(partialPartial);

    assertThat(store.relation(first)).isEqualTo(full);
    assertThat(store.relation(second)).isEqualTo(partial);
    assertThat(store.relation(third)).isEqualTo(partialPartial);
    assertThat(store.negative(first)).isTrue();
    assertThat(store.negative(second)).isFalse();
    assertThat(store.primeCount(second)).isEqualTo(3);
    assertThat(store.prime(second, 2)).isEqualTo(5);
    assertThat(store.size()).isEqualTo(3);
  }

  @Test
  void shouldFindARelationByTheMagnitudeOfItsY() {
    RelationStore store = new RelationStore();
    int stored = store.add(new Relation(BigInteger.valueOf(-1_000_003), false, primes(), 1));

    assertThat(store.find(BigInteger.valueOf(1_000_003))).isEqualTo(stored);
    assertThat(store.find(BigInteger.valueOf(-1_000_003))).isEqualTo(stored);
    assertThat(store.find(BigInteger.valueOf(1_000_004))).isEqualTo(-1);
    assertThat(store.find(BigInteger.valueOf(1_000_003).shiftLeft(32))).isEqualTo(-1);
  }

  @Test
  void shouldKeepEveryRelationFindableAsItGrowsPastOneBlock() {
    RelationStore store = new RelationStore();
    Random random = new Random(11);
    List<Relation> relations = new ArrayList<>();
    List<Integer> places = new ArrayList<>();
    for (int i = 0; i < 60_000; i++) {
      int[] primes = random.ints(random.nextInt(40), 2, 1 << 20).sorted().toArray();
      Relation relation =
          new Relation(
              new BigInteger(30 + random.nextInt(200), random).add(BigInteger.valueOf(i)),
              random.nextBoolean(),
              primes,
              random.nextBoolean() ? 1 : 2 + random.nextInt(1 << 30));
      if (store.find(relation.y()) < 0) {
        relations.add(relation);
        places.add(store.add(relation));
      }
    }

    for (int i = 0; i < relations.size(); i++) {
      assertThat(store.find(relations.get(i).y())).isEqualTo(places.get(i));
      assertThat(store.relation(places.get(i))).isEqualTo(relations.get(i));
    }
    assertThat(store.size()).isEqualTo(relations.size());
    assertThat(places.get(places.size() - 1)).isGreaterThanOrEqualTo(1 << 20); // in a second block
  }

  private static int[] primes() {
    return new int[] {2, 3, 3, 7, 11};
  }
}
