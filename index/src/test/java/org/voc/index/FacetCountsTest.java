package org.voc.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FacetCountsTest {

  @Test
  void valuesAreListedLargestCountFirstThenByValue() {
    FacetCounts counts = new FacetCounts(List.of("brand", "source"));
    counts.add("brand", "Crux", 2);
    counts.add("brand", "Acme", 1);
    counts.add("brand", "Bolt", 2);
    counts.add("brand", "Acme", 2);

    Map<String, Map<String, Long>> top = counts.top(20);

    assertThat(top.keySet()).containsExactly("brand", "source");
    assertThat(top.get("brand"))
        .containsExactly(Map.entry("Acme", 3L), Map.entry("Bolt", 2L), Map.entry("Crux", 2L));
    assertThat(top.get("source")).isEmpty();
  }

  @Test
  void onlyTheTopValuesAreListedAndMergesAddUp() {
    FacetCounts a = new FacetCounts(List.of("source"));
    FacetCounts b = new FacetCounts(List.of("source"));
    for (int i = 0; i < 30; i++) {
      a.add("source", String.format(Locale.ROOT, "s%02d", i), i);
    }
    b.add("source", "s00", 100);

    a.addAll(b);
    Map<String, Long> top = a.top(20).get("source");

    assertThat(top).hasSize(20);
    assertThat(top.keySet()).first().isEqualTo("s00");
    assertThat(top).containsEntry("s00", 100L).containsEntry("s29", 29L).doesNotContainKey("s10");
  }

  @Test
  void classifierValuesAreGroupedByNameEachWithItsTopLabels() {
    FacetCounts counts = new FacetCounts(List.of("classification"));
    counts.add("classification", "team:cards", 5);
    counts.add("classification", "intent:lost_card", 2);
    counts.add("classification", "intent:card_arrival", 7);
    counts.add("classification", "intent:?uncertain", 2);
    counts.add("classification", "intent:a:b", 1);

    Map<String, Map<String, Long>> grouped = counts.grouped("classification", 3);

    assertThat(grouped.keySet()).containsExactly("intent", "team");
    assertThat(grouped.get("intent")).containsExactly(
        Map.entry("card_arrival", 7L), Map.entry("?uncertain", 2L), Map.entry("lost_card", 2L));
    assertThat(grouped.get("team")).containsExactly(Map.entry("cards", 5L));
  }
}
