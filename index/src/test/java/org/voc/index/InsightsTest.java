package org.voc.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.voc.index.TestDocuments.MONDAY_W47;
import static org.voc.index.TestDocuments.doc;
import static org.voc.nlp.SentimentLabel.NEGATIVE;
import static org.voc.nlp.SentimentLabel.NEUTRAL;
import static org.voc.nlp.SentimentLabel.POSITIVE;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Themes and brands in the index: filters, facets and the aggregations on known figures. */
class InsightsTest extends IndexTestCase {

  private static final Instant MONDAY_W48 = MONDAY_W47.plus(Duration.ofDays(7));

  @BeforeEach
  void fiveDocuments() throws IOException {
    open();
    index.put(doc("d1", "Delivery took three weeks.").brand("acme").sentiment(NEGATIVE)
        .theme("shipping", NEGATIVE, "Delivery took three weeks").keyPhrases("delivery", "Three weeks").build());
    index.put(doc("d2", "Shipping was fast, love it.").brand("acme").sentiment(POSITIVE)
        .theme("shipping", POSITIVE, null).keyPhrases("shipping").build());
    index.put(doc("d3", "Package <b>arrived</b> damaged; globex support was rude.").sentiment(NEGATIVE)
        .createdAt(MONDAY_W48)
        .theme("shipping", NEGATIVE, "Package <b>arrived</b> damaged").theme("support", NEGATIVE, null)
        .mention("globex", NEGATIVE).keyPhrases("package", "support").build());
    index.put(doc("d4", "Support solved it. acme beats globex.").brand("acme").sentiment(POSITIVE)
        .createdAt(MONDAY_W48).theme("support", POSITIVE, "Support solved it")
        .mention("acme", POSITIVE).mention("globex", NEGATIVE).build());
    index.put(doc("d5", "Nothing to say.").createdAt(MONDAY_W48).build());
    index.refresh();
  }

  private static SearchRequest.Builder all() {
    return SearchRequest.builder().limit(100);
  }

  private static List<String> ids(SearchResult result) {
    return result.hits().stream().map(SearchResult.Hit::id).sorted().toList();
  }

  @Test
  void themeAndBrandFilterAndFacet() throws IOException {
    SearchResult shipping = index.search(all().themes(Set.of("shipping")).build());
    assertThat(ids(shipping)).containsExactly("d1", "d2", "d3");
    assertThat(shipping.facets().get("theme")).containsExactly(Map.entry("shipping", 3L), Map.entry("support", 1L));

    // A mentioned brand filters like the document's own brand field; each counts once per document.
    SearchResult globex = index.search(all().brands(Set.of("globex")).build());
    assertThat(ids(globex)).containsExactly("d3", "d4");
    assertThat(globex.facets().get("brand")).containsExactly(Map.entry("globex", 2L), Map.entry("acme", 1L));

    SearchResult everything = index.search(all().build());
    assertThat(everything.facets().get("brand")).containsExactly(Map.entry("acme", 3L), Map.entry("globex", 2L));
  }

  @Test
  void themeFiguresOnKnownDocuments() throws IOException {
    Insights insights = index.insights(all().build());
    assertThat(insights.total()).isEqualTo(5);
    assertThat(insights.themes()).extracting(Insights.Group::name).containsExactly("shipping", "support");

    Insights.Group shipping = insights.themes().getFirst();
    assertThat(shipping.volume()).isEqualTo(3);
    assertThat(shipping.share()).isCloseTo(0.6, within(1e-9));
    assertThat(shipping.sentiment()).isEqualTo(new Insights.SentimentCounts(2, 0, 1));
    assertThat(shipping.netSentiment()).isCloseTo(-1 / 3.0, within(1e-9));
    assertThat(shipping.trend()).containsExactly(
        new Insights.WeekSentiment("2026-W47", LocalDate.parse("2026-11-16"), 2, 0),
        new Insights.WeekSentiment("2026-W48", LocalDate.parse("2026-11-23"), 1, -1));
    assertThat(shipping.keyPhrases()).extracting(Insights.PhraseCount::phrase)
        .containsExactly("delivery", "package", "shipping", "support", "three weeks");
    assertThat(shipping.themes()).isNull();

    // Newest first, ties by index order; the snippet is the evidence, escaped like search snippets.
    assertThat(shipping.examples()).extracting(Insights.Example::id).containsExactly("d3", "d1", "d2");
    assertThat(shipping.examples().get(0).snippet()).isEqualTo("Package &lt;b&gt;arrived&lt;/b&gt; damaged");
    assertThat(shipping.examples().get(1).snippet()).isEqualTo("Delivery took three weeks");
    assertThat(shipping.examples().get(2).snippet()).isEqualTo("Shipping was fast, love it.");

    Insights.Group support = insights.themes().get(1);
    assertThat(support.volume()).isEqualTo(2);
    assertThat(support.sentiment()).isEqualTo(new Insights.SentimentCounts(1, 0, 1));
    assertThat(support.netSentiment()).isZero();
  }

  @Test
  void brandFiguresUseTheMentionSentimentElseTheDocuments() throws IOException {
    Insights insights = index.insights(all().build());
    assertThat(insights.brands()).extracting(Insights.Group::name).containsExactly("acme", "globex");

    Insights.Group acme = insights.brands().getFirst();
    assertThat(acme.volume()).isEqualTo(3);
    assertThat(acme.share()).isCloseTo(0.6, within(1e-9));
    assertThat(acme.sentiment()).isEqualTo(new Insights.SentimentCounts(1, 0, 2));
    assertThat(acme.themes()).extracting(Insights.Group::name, Insights.Group::volume)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("shipping", 2L),
            org.assertj.core.groups.Tuple.tuple("support", 1L));
    assertThat(acme.themes().getFirst().share()).isCloseTo(2 / 3.0, within(1e-9));
    assertThat(acme.themes().getFirst().netSentiment()).isZero();

    Insights.Group globex = insights.brands().get(1);
    assertThat(globex.volume()).isEqualTo(2);
    assertThat(globex.share()).isCloseTo(0.4, within(1e-9));
    assertThat(globex.sentiment()).isEqualTo(new Insights.SentimentCounts(2, 0, 0));
    assertThat(globex.netSentiment()).isEqualTo(-1);
    // The test documents are one sentence each: the snippet is the sentence naming the brand.
    assertThat(globex.examples()).extracting(Insights.Example::snippet)
        .containsExactly("Package &lt;b&gt;arrived&lt;/b&gt; damaged; globex support was rude.",
            "Support solved it. acme beats globex.");
  }

  @Test
  void insightsFollowTheSearchFilters() throws IOException {
    Insights acmeOnly = index.insights(all().brands(Set.of("acme")).build());
    assertThat(acmeOnly.total()).isEqualTo(3);
    assertThat(acmeOnly.themes()).extracting(Insights.Group::name, Insights.Group::volume)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("shipping", 2L),
            org.assertj.core.groups.Tuple.tuple("support", 1L));

    Insights lastWeek = index.insights(all().from(MONDAY_W48).query("support").build());
    assertThat(lastWeek.total()).isEqualTo(2);
    assertThat(lastWeek.themes()).extracting(Insights.Group::name).containsExactly("support", "shipping");

    Insights none = index.insights(all().sentiments(Set.of(NEUTRAL)).themes(Set.of("shipping")).build());
    assertThat(none.total()).isZero();
    assertThat(none.themes()).isEmpty();
    assertThat(none.brands()).isEmpty();
  }

  @Test
  void manySegmentsCountedInParallelSlicesAddUp() throws IOException {
    // Counted in one slice per core (a segment split into partitions of documents where needed),
    // then merged: the figures must be those of one pass.
    for (int segment = 0; segment < 8; segment++) {
      for (int i = 0; i < 10; i++) {
        index.put(doc("s" + segment + "-" + i, "Delivery " + segment + " " + i)
            .createdAt(MONDAY_W48.plus(Duration.ofHours(segment * 10 + i)))
            .sentiment(i % 2 == 0 ? NEGATIVE : POSITIVE)
            .brand(segment % 2 == 0 ? "acme" : "globex")
            .theme("returns", i % 2 == 0 ? NEGATIVE : POSITIVE, "Delivery")
            .keyPhrases("segment " + segment, "all").build());
      }
      index.refresh();
    }
    Insights insights = index.insights(all().themes(Set.of("returns")).build());
    assertThat(insights.total()).isEqualTo(80);
    Insights.Group returns = insights.themes().getFirst();
    assertThat(returns.name()).isEqualTo("returns");
    assertThat(returns.sentiment()).isEqualTo(new Insights.SentimentCounts(40, 0, 40));
    assertThat(returns.keyPhrases().getFirst()).isEqualTo(new Insights.PhraseCount("all", 80));
    assertThat(returns.keyPhrases()).contains(new Insights.PhraseCount("segment 7", 10));
    assertThat(returns.examples()).extracting(Insights.Example::id).containsExactly("s7-9", "s7-8", "s7-7");
    assertThat(insights.brands()).extracting(Insights.Group::name, Insights.Group::volume)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("acme", 40L),
            org.assertj.core.groups.Tuple.tuple("globex", 40L));
    assertThat(insights.brands().getFirst().themes().getFirst().volume()).isEqualTo(40);
  }
}
