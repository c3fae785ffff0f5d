package org.voc.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Example indices split into a part to train on and a part held out to choose when to stop.
 * Stratified: every class gives the same share, so a rare class is not left out of either side by
 * chance.
 */
record HeldOutSplit(int[] train, int[] validation) {

  static HeldOutSplit stratified(int[] labels, int classes, double fraction, Random random) {
    List<List<Integer>> byClass = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      byClass.add(new ArrayList<>());
    }
    for (int i = 0; i < labels.length; i++) {
      byClass.get(labels[i]).add(i);
    }
    List<Integer> train = new ArrayList<>();
    List<Integer> validation = new ArrayList<>();
    for (List<Integer> members : byClass) {
      int[] shuffled = members.stream().mapToInt(Integer::intValue).toArray();
      shuffle(shuffled, random);
      // A class with a single example keeps it for training.
      int held = members.size() < 2 ? 0 : (int) Math.round(members.size() * fraction);
      for (int j = 0; j < shuffled.length; j++) {
        (j < held ? validation : train).add(shuffled[j]);
      }
    }
    return new HeldOutSplit(toSortedArray(train), toSortedArray(validation));
  }

  /** Fisher-Yates with the caller's generator, so a seed fixes the order. */
  static void shuffle(int[] values, Random random) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = values[i];
      values[i] = values[j];
      values[j] = swap;
    }
  }

  private static int[] toSortedArray(List<Integer> indices) {
    return indices.stream().mapToInt(Integer::intValue).sorted().toArray();
  }
}
