package org.voc.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voc.index.TestDocuments.doc;
import static org.voc.nlp.SentimentLabel.NEGATIVE;
import static org.voc.nlp.SentimentLabel.NEUTRAL;
import static org.voc.nlp.SentimentLabel.POSITIVE;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.voc.nlp.Classification;
import org.voc.nlp.DocumentKind;
import org.voc.nlp.SentimentLabel;
import org.voc.nlp.Urgency;
import org.voc.nlp.VocJson;

/** Themes and brands broken down by classifier label and urgency level, from doc values. */
class ClassifierAndUrgencyBreakdownTest extends IndexTestCase {

  /**
   * A ticket about {@code theme} (with {@code label} toward it) for {@code brand}, with this urgency
   * level (null: none) and classifier outputs ({@code name=label}; an empty label: uncertain).
   */
  private static IndexedDocument ticket(String id, String brand, String theme, SentimentLabel label,
      String level, String... outputs) {
    IndexedDocument plain = doc(id, "ticket " + id).kind(DocumentKind.TICKET).brand(brand).sentiment(label)
        .theme(theme, label, null).build();
    Map<String, Classification> classifications = new LinkedHashMap<>();
    for (String output : outputs) {
      String[] parts = output.split("=", -1);
      String value = parts[1].isEmpty() ? null : parts[1];
      classifications.put(parts[0], new Classification(value, value == null ? 0.3 : 0.9, value == null, List.of()));
    }
    Urgency urgency = level == null ? null : new Urgency(level, List.of());
    return new IndexedDocument(plain.document(),
        plain.analysis().withClassifications(classifications).withUrgency(urgency), plain.contentHash());
  }

  private void sixTickets() throws IOException {
    open();
    index.put(ticket("t1", "acme", "cards", NEGATIVE, "high", "intent=card_arrival", "team=cards"));
    index.put(ticket("t2", "acme", "cards", NEGATIVE, "normal", "intent=card_arrival", "team=cards"));
    index.put(ticket("t3", "acme", "cards", POSITIVE, "normal", "intent=lost_card", "team=cards"));
    index.put(ticket("t4", "globex", "cards", NEUTRAL, "low", "intent=", "team=payments"));
    index.put(ticket("t5", "globex", "billing", NEGATIVE, "high", "intent=cancel_order"));
    index.refresh();
    // A second segment: the counts of both must add up.
    index.put(ticket("t6", "globex", "billing", NEGATIVE, "normal", "intent=cancel_order"));
    index.put(doc("r1", "a review about billing").brand("globex").theme("billing", POSITIVE, null).build());
    index.refresh();
  }

  private static Insights.Group named(List<Insights.Group> groups, String name) {
    return groups.stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void themesCountTheirDocumentsPerClassifierLabelWithTheThemeSentiment() throws IOException {
    sixTickets();
    Insights insights = index.insights(SearchRequest.builder().build());

    Insights.Group cards = named(insights.themes(), "cards");
    assertThat(cards.classifications()).containsOnlyKeys("intent", "team");
    assertThat(cards.classifications().get("intent")).containsExactly(
        new Insights.LabelCount("card_arrival", 2, 0.5, -1.0),
        new Insights.LabelCount(SearchRequest.UNCERTAIN, 1, 0.25, 0.0),
        new Insights.LabelCount("lost_card", 1, 0.25, 1.0));
    assertThat(cards.classifications().get("team")).containsExactly(
        new Insights.LabelCount("cards", 3, 0.75, -1 / 3.0),
        new Insights.LabelCount("payments", 1, 0.25, 0.0));
    assertThat(cards.urgency()).containsExactly(
        Map.entry("high", 1L), Map.entry("normal", 2L), Map.entry("low", 1L));

    Insights.Group billing = named(insights.themes(), "billing");
    assertThat(billing.volume()).isEqualTo(3);
    assertThat(billing.classifications()).containsOnlyKeys("intent");
    assertThat(billing.classifications().get("intent"))
        .containsExactly(new Insights.LabelCount("cancel_order", 2, 2 / 3.0, -1.0));
    assertThat(billing.urgency()).containsExactly(Map.entry("high", 1L), Map.entry("normal", 1L));
  }

  @Test
  void brandsCountTheirDocumentsPerClassifierLabelAndUrgency() throws IOException {
    sixTickets();
    Insights insights = index.insights(SearchRequest.builder().build());

    Insights.Group globex = named(insights.brands(), "globex");
    assertThat(globex.volume()).isEqualTo(4);
    assertThat(globex.classifications().get("intent")).containsExactly(
        new Insights.LabelCount("cancel_order", 2, 0.5, -1.0),
        new Insights.LabelCount(SearchRequest.UNCERTAIN, 1, 0.25, 0.0));
    assertThat(globex.classifications().get("team")).containsExactly(
        new Insights.LabelCount("payments", 1, 0.25, 0.0));
    assertThat(globex.urgency()).containsExactly(
        Map.entry("high", 1L), Map.entry("normal", 1L), Map.entry("low", 1L));
    Insights.Group acme = named(insights.brands(), "acme");
    assertThat(acme.urgency()).containsExactly(Map.entry("high", 1L), Map.entry("normal", 2L));
    assertThat(acme.themes()).allSatisfy(theme -> assertThat(theme.classifications()).isNull());
  }

  @Test
  void breakdownFollowsTheFilters() throws IOException {
    sixTickets();
    Insights insights = index.insights(SearchRequest.builder().urgencies(Set.of("high")).build());

    assertThat(insights.total()).isEqualTo(2);
    assertThat(named(insights.themes(), "cards").classifications().get("intent"))
        .containsExactly(new Insights.LabelCount("card_arrival", 1, 1.0, -1.0));
    assertThat(named(insights.themes(), "billing").urgency()).containsExactly(Map.entry("high", 1L));
  }

  @Test
  void onlyTheTopFiveLabelsOfAClassifierAreListed() throws IOException {
    open();
    String[] labels = {"a", "b", "c", "d", "e", "f", "g"};
    for (int i = 0; i < labels.length; i++) {
      for (int n = 0; n <= i; n++) {
        index.put(ticket(labels[i] + n, "acme", "cards", NEUTRAL, null, "intent=" + labels[i]));
      }
    }
    index.refresh();

    Insights.Group cards = index.insights(SearchRequest.builder().build()).themes().getFirst();
    assertThat(cards.classifications().get("intent")).extracting(Insights.LabelCount::label, Insights.LabelCount::count)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("g", 7L), org.assertj.core.groups.Tuple.tuple("f", 6L),
            org.assertj.core.groups.Tuple.tuple("e", 5L), org.assertj.core.groups.Tuple.tuple("d", 4L),
            org.assertj.core.groups.Tuple.tuple("c", 3L));
    assertThat(cards.urgency()).isNull();
  }

  @Test
  void documentsWithoutClassifiersOrUrgencyHaveNoBreakdownInTheJson() throws IOException {
    open();
    index.put(doc("r1", "a review about billing").brand("acme").theme("billing", POSITIVE, null).build());
    index.refresh();
    Insights insights = index.insights(SearchRequest.builder().build());

    JsonNode theme = VocJson.mapper().valueToTree(insights).path("themes").get(0);
    assertThat(theme.path("volume").asLong()).isEqualTo(1);
    assertThat(theme.has("classifications")).isFalse();
    assertThat(theme.has("urgency")).isFalse();
  }

  @Test
  void onlyClassifierKeepsOneClassifiersLabels() throws IOException {
    sixTickets();
    Insights.Group cards = named(index.insights(SearchRequest.builder().build()).themes(), "cards");

    assertThat(cards.onlyClassifier("team").classifications()).containsOnlyKeys("team");
    assertThat(cards.onlyClassifier("team").urgency()).isEqualTo(cards.urgency());
    assertThat(cards.onlyClassifier("sentiment").classifications()).isNull();
  }
}
