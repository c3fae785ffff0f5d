package org.voc.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Class-based TF-IDF (as in BERTopic): the weight of term t in class c is {@code tf(t, c) / |c| *
 * log(1 + A / f(t))}, where {@code |c|} is the number of terms in c, {@code f(t)} the frequency of
 * t over all classes and {@code A} the average number of terms per class. A term frequent in one
 * class and rare in the others ranks first there.
 */
final class ClassTfIdf {

  private ClassTfIdf() {}

  /** Per class (each a bag of terms), its {@code n} best terms, best first, ties by term. */
  static List<List<String>> top(List<List<String>> classes, int n) {
    Map<String, Long> overall = new HashMap<>();
    long terms = 0;
    List<Map<String, Long>> perClass = new ArrayList<>();
    for (List<String> bag : classes) {
      Map<String, Long> counts = new HashMap<>();
      bag.forEach(term -> counts.merge(term, 1L, Long::sum));
      counts.forEach((term, c) -> overall.merge(term, c, Long::sum));
      perClass.add(counts);
      terms += bag.size();
    }
    double average = classes.isEmpty() ? 0 : terms / (double) classes.size();
    List<List<String>> top = new ArrayList<>();
    for (int c = 0; c < classes.size(); c++) {
      Map<String, Long> counts = perClass.get(c);
      int size = classes.get(c).size();
      Map<String, Double> weights = new HashMap<>();
      counts.forEach((term, tf) ->
          weights.put(term, tf / (double) size * Math.log(1 + average / overall.get(term))));
      top.add(weights.entrySet().stream()
          .sorted(Map.Entry.<String, Double>comparingByValue().reversed()
              .thenComparing(Map.Entry.comparingByKey()))
          .limit(n)
          .map(Map.Entry::getKey)
          .toList());
    }
    return top;
  }
}
