package org.voc.models;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Groups texts into batches of similar token length. A batch is padded to its longest text, so
 * batching texts in arrival order wastes most of the work on padding when lengths vary; sorted,
 * neighbours differ by a token or two. A token budget caps {@code rows × longest}: a batch of long
 * texts holds fewer of them, which bounds the memory and the latency of one call.
 */
final class LengthSortedBatches {

  private LengthSortedBatches() {}

  /**
   * The positions in {@code lengths} grouped into batches: shortest first, each batch at most
   * {@code maxBatch} positions and {@code positions × longest length ≤ tokenBudget} (a single text
   * longer than the budget gets a batch of its own). Equal lengths keep their input order, so the
   * plan is deterministic.
   */
  static List<int[]> plan(int[] lengths, int maxBatch, int tokenBudget) {
    if (maxBatch < 1 || tokenBudget < 1) {
      throw new IllegalArgumentException("maxBatch and tokenBudget must be positive");
    }
    int[] order =
        IntStream.range(0, lengths.length)
            .boxed()
            .sorted(Comparator.<Integer>comparingInt(i -> lengths[i]).thenComparingInt(i -> i))
            .mapToInt(Integer::intValue)
            .toArray();
    List<int[]> batches = new ArrayList<>();
    int start = 0;
    while (start < order.length) {
      int end = start + 1;
      // Sorted ascending, so the text being added is the batch's longest.
      while (end < order.length
          && end - start < maxBatch
          && (long) (end - start + 1) * lengths[order[end]] <= tokenBudget) {
        end++;
      }
      int[] batch = new int[end - start];
      System.arraycopy(order, start, batch, 0, batch.length);
      batches.add(batch);
      start = end;
    }
    return batches;
  }
}
