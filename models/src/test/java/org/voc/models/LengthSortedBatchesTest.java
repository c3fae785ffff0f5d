package org.voc.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class LengthSortedBatchesTest {

  @Test
  void shortTextsShareABatchAndLongOnesAreSplitByTheTokenBudget() {
    int[] lengths = {3, 100, 4, 100, 3, 100};

    List<int[]> batches = LengthSortedBatches.plan(lengths, 32, 200);

    assertThat(batches).containsExactly(new int[] {0, 4, 2}, new int[] {1, 3}, new int[] {5});
  }

  @Test
  void aTextLongerThanTheBudgetGetsABatchOfItsOwn() {
    List<int[]> batches = LengthSortedBatches.plan(new int[] {500, 2}, 8, 100);

    assertThat(batches).containsExactly(new int[] {1}, new int[] {0});
  }

  @Test
  void noTextsGiveNoBatches() {
    assertThat(LengthSortedBatches.plan(new int[0], 8, 100)).isEmpty();
  }

  @RepeatedTest(20)
  void everyTextLandsInExactlyOneBatchWithinBothLimits() {
    Random random = new Random();
    long seed = random.nextLong();
    random.setSeed(seed);
    int[] lengths = new int[1 + random.nextInt(300)];
    Arrays.setAll(lengths, i -> 2 + random.nextInt(random.nextBoolean() ? 10 : 127));
    int maxBatch = 1 + random.nextInt(64);
    int budget = 128 + random.nextInt(4096);

    List<int[]> batches = LengthSortedBatches.plan(lengths, maxBatch, budget);

    int[] seen = new int[lengths.length];
    int previousLongest = 0;
    for (int[] batch : batches) {
      int longest = Arrays.stream(batch).map(i -> lengths[i]).max().orElseThrow();
      assertThat(batch.length).as("seed %d", seed).isBetween(1, maxBatch);
      assertThat((long) batch.length * longest).as("seed %d", seed).isLessThanOrEqualTo(budget);
      assertThat(lengths[batch[0]]).as("sorted, seed %d", seed).isGreaterThanOrEqualTo(previousLongest);
      previousLongest = longest;
      for (int i : batch) {
        seen[i]++;
      }
    }
    assertThat(seen).as("seed %d", seed).containsOnly(1);
  }
}
