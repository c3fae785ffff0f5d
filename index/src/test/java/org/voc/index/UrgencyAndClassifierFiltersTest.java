package org.voc.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.voc.index.TestDocuments.doc;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.voc.nlp.Classification;
import org.voc.nlp.DocumentKind;
import org.voc.nlp.Urgency;
import org.voc.nlp.VocJson;

class UrgencyAndClassifierFiltersTest extends IndexTestCase {

  /** A ticket with this urgency level and classifier outputs ({@code name=label}, label null: uncertain). */
  private static IndexedDocument ticket(String id, String level, String... outputs) {
    IndexedDocument plain = doc(id, "my card " + id).kind(DocumentKind.TICKET).build();
    Map<String, Classification> classifications = new LinkedHashMap<>();
    for (String output : outputs) {
      String[] parts = output.split("=", -1);
      String label = parts[1].isEmpty() ? null : parts[1];
      classifications.put(parts[0], new Classification(label, label == null ? 0.3 : 0.9, label == null, List.of()));
    }
    Urgency urgency = level == null ? null : new Urgency(level, List.of(new Urgency.Reason("fraud", "fraud")));
    return new IndexedDocument(plain.document(),
        plain.analysis().withClassifications(classifications).withUrgency(urgency), plain.contentHash());
  }

  @BeforeEach
  void fiveDocuments() throws IOException {
    open();
    index.put(ticket("t1", "high", "intent=card_arrival", "team=cards"));
    index.put(ticket("t2", "high", "intent=lost_card", "team=cards"));
    index.put(ticket("t3", "normal", "intent=card_arrival", "team=payments"));
    index.put(ticket("t4", "low", "intent=", "team=cards"));
    index.put(doc("r1", "my card review").build());
    index.refresh();
  }

  private SearchResult search(UnaryOperator<SearchRequest.Builder> request) throws IOException {
    return index.search(request.apply(SearchRequest.builder().limit(100)).build());
  }

  private static List<String> ids(SearchResult result) {
    return result.hits().stream().map(SearchResult.Hit::id).sorted().toList();
  }

  @Test
  void urgencyFilterAndFacet() throws IOException {
    assertThat(ids(search(b -> b.urgencies(Set.of("high"))))).containsExactly("t1", "t2");
    assertThat(ids(search(b -> b.urgencies(Set.of("high", "low"))))).containsExactly("t1", "t2", "t4");

    SearchResult all = search(b -> b);
    assertThat(all.facets().get("urgency"))
        .containsExactly(Map.entry("high", 2L), Map.entry("low", 1L), Map.entry("normal", 1L));
  }

  @Test
  void classifierFilterIsOrWithinANameAndAcrossNames() throws IOException {
    assertThat(ids(search(b -> b.classifications(Set.of("intent:card_arrival"))))).containsExactly("t1", "t3");
    assertThat(ids(search(b -> b.classifications(Set.of("intent:card_arrival", "intent:lost_card")))))
        .containsExactly("t1", "t2", "t3");
    assertThat(ids(search(b -> b.classifications(Set.of("intent:card_arrival", "team:cards")))))
        .containsExactly("t1");
    assertThat(ids(search(b -> b.classifications(Set.of("intent:" + SearchRequest.UNCERTAIN)))))
        .containsExactly("t4");
    assertThat(ids(search(b -> b.classifications(Set.of("intent:card_arrival")).urgencies(Set.of("normal")))))
        .containsExactly("t3");
  }

  @Test
  void classifierFacetsAreGroupedByClassifierName() throws IOException {
    SearchResult result = search(b -> b.limit(1));

    assertThat(result.classifications()).containsOnlyKeys("intent", "team");
    assertThat(result.classifications().get("intent")).containsExactly(
        Map.entry("card_arrival", 2L), Map.entry("?uncertain", 1L), Map.entry("lost_card", 1L));
    assertThat(result.classifications().get("team"))
        .containsExactly(Map.entry("cards", 3L), Map.entry("payments", 1L));
    assertThat(result.facets()).doesNotContainKey("classification");

    SearchResult filtered = search(b -> b.classifications(Set.of("team:payments")));
    assertThat(filtered.classifications().get("intent")).containsExactly(Map.entry("card_arrival", 1L));
  }

  @Test
  void jsonListsClassifierCountsAmongTheFacets() throws IOException {
    JsonNode json = VocJson.mapper().valueToTree(search(b -> b));

    assertThat(json.path("facets").path("urgency").path("high").asLong()).isEqualTo(2);
    assertThat(json.path("facets").path("classifications").path("intent").path("card_arrival").asLong())
        .isEqualTo(2);
    assertThat(json.has("classifications")).isFalse();
  }

  @Test
  void insightsTakeTheSameFilters() throws IOException {
    Insights insights = index.insights(SearchRequest.builder().classifications(Set.of("team:cards"))
        .urgencies(Set.of("high")).build());

    assertThat(insights.total()).isEqualTo(2);
  }

  @Test
  void labelsAreTermsNotQuerySyntax() throws IOException {
    index.put(ticket("t5", "normal", "intent=a* OR (b:\"c\")"));
    index.refresh();

    assertThat(ids(search(b -> b.classifications(Set.of("intent:a* OR (b:\"c\")"))))).containsExactly("t5");
    assertThat(ids(search(b -> b.classifications(Set.of("intent:a*"))))).isEmpty();
  }

  @Test
  void aClassifierFilterWithoutNameOrLabelIsRejected() {
    for (String bad : List.of("card_arrival", ":card_arrival", "intent:")) {
      assertThatThrownBy(() -> search(b -> b.classifications(Set.of(bad))))
          .isInstanceOf(InvalidQueryException.class)
          .hasMessageContaining("NAME:LABEL");
    }
  }
}
