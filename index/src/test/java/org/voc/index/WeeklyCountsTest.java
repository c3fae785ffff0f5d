package org.voc.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.voc.index.Insights.SentimentCounts;
import org.voc.index.WeeklyCounts.Dimension;
import org.voc.nlp.DocumentKind;

/** Weekly counts per dimension and the examples behind them, on known documents. */
class WeeklyCountsTest extends IndexTestCase {

  private static final Instant MONDAY_W46 = MONDAY_W47.minus(Duration.ofDays(7));

  @BeforeEach
  void documents() throws IOException {
    open();
    index.put(doc("a", "Battery life is great but the screen cracked.").sentiment(POSITIVE).source("appstore")
        .aspect("Battery life", POSITIVE).aspect("screen", NEGATIVE).aspect("battery life", POSITIVE)
        .theme("quality", NEGATIVE, "the screen cracked").mention("acme", POSITIVE).build());
    index.put(doc("b", "The screen is dim.").sentiment(NEGATIVE).createdAt(MONDAY_W47.plusSeconds(60))
        .aspect("screen", NEGATIVE).theme("quality", NEGATIVE, null).build());
    index.put(doc("c", "Support answered.").sentiment(NEUTRAL).kind(DocumentKind.TICKET).createdAt(MONDAY_W46)
        .theme("support", POSITIVE, null).build());
    index.put(doc("old", "Long ago.").sentiment(NEGATIVE).createdAt(MONDAY_W46.minus(Duration.ofDays(30))).build());
    index.refresh();
  }

  private static SearchRequest twoWeeks() {
    return SearchRequest.builder().from(MONDAY_W46.minus(Duration.ofHours(9)))
        .to(MONDAY_W47.plus(Duration.ofDays(7)).minus(Duration.ofHours(9))).build();
  }

  @Test
  void countsEachWeekOverallAndPerDimensionWithTheSentimentTowardEachValue() throws IOException {
    WeeklyCounts counts = index.weeklyCounts(twoWeeks());

    assertThat(counts.weeks()).containsExactly(LocalDate.parse("2026-11-09"), LocalDate.parse("2026-11-16"));
    assertThat(counts.all()).containsExactly(new SentimentCounts(0, 1, 0), new SentimentCounts(1, 0, 1));
    assertThat(counts.of(Dimension.KIND, "review")).containsExactly(new SentimentCounts(0, 0, 0),
        new SentimentCounts(1, 0, 1));
    assertThat(counts.values(Dimension.SOURCE)).containsExactly("appstore", "shop");
    assertThat(counts.of(Dimension.THEME, "quality").get(1)).isEqualTo(new SentimentCounts(2, 0, 0));
    assertThat(counts.of(Dimension.THEME, "support").get(0)).isEqualTo(new SentimentCounts(0, 0, 1));
    assertThat(counts.of(Dimension.BRAND, "acme").get(1)).isEqualTo(new SentimentCounts(0, 0, 1));
    // Aspect terms are lower-cased and counted once per document.
    assertThat(counts.values(Dimension.ASPECT)).containsExactly("battery life", "screen");
    assertThat(counts.of(Dimension.ASPECT, "battery life").get(1)).isEqualTo(new SentimentCounts(0, 0, 1));
    assertThat(counts.of(Dimension.ASPECT, "screen").get(1)).isEqualTo(new SentimentCounts(2, 0, 0));
    assertThat(counts.of(Dimension.ASPECT, "missing")).containsOnly(new SentimentCounts(0, 0, 0));
  }

  @Test
  void examplesAreTheNewestDocumentsWithThatSentimentTowardTheValue() throws IOException {
    List<IndexedDocument> screen = index.examples(twoWeeks(), Dimension.ASPECT, "screen", NEGATIVE, 5);
    assertThat(screen).extracting(d -> d.document().id()).containsExactly("b", "a");
    assertThat(index.examples(twoWeeks(), Dimension.THEME, "quality", POSITIVE, 5)).isEmpty();
    assertThat(index.examples(twoWeeks(), Dimension.SOURCE, "shop", NEUTRAL, 5))
        .extracting(d -> d.document().id()).containsExactly("c");
  }

  @Test
  void weeklyCountsNeedAPeriod() {
    assertThatThrownBy(() -> index.weeklyCounts(SearchRequest.builder().build()))
        .isInstanceOf(InvalidQueryException.class);
  }
}
