package org.voc.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.voc.index.TestDocuments.MONDAY_W47;
import static org.voc.index.TestDocuments.doc;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.voc.nlp.DocumentKind;
import org.voc.nlp.SentimentLabel;

class SearchTest extends IndexTestCase {

  private void given(IndexedDocument... documents) throws IOException {
    open();
    for (IndexedDocument document : documents) {
      index.put(document);
    }
    index.refresh();
  }

  private SearchResult search(String query) throws IOException {
    return search(b -> b.query(query));
  }

  private SearchResult search(UnaryOperator<SearchRequest.Builder> request) throws IOException {
    return index.search(request.apply(SearchRequest.builder().limit(100)).build());
  }

  private static List<String> ids(SearchResult result) {
    return result.hits().stream().map(SearchResult.Hit::id).sorted().toList();
  }

  private void givenFourReviews() throws IOException {
    given(
        doc("crash", "The app crashes every morning").build(),
        doc("battery", "Battery drains fast after the update").build(),
        doc("reversed", "Fast update, but the battery drains").build(),
        doc("refund", "I want a refund because the app crashed").build());
  }

  @Test
  void wordMatchesOtherFormsOfItsStem() throws IOException {
    givenFourReviews();

    assertThat(ids(search("crash"))).containsExactly("crash", "refund");
  }

  @Test
  void phraseMatchesOnlyWordsInThatOrder() throws IOException {
    givenFourReviews();

    assertThat(ids(search("\"battery drains fast\""))).containsExactly("battery");
    assertThat(ids(search("battery drains fast"))).containsExactly("battery", "reversed");
  }

  @Test
  void adjacentWordsMustAllMatch() throws IOException {
    givenFourReviews();

    assertThat(ids(search("app refund"))).containsExactly("refund");
    assertThat(ids(search("app AND refund"))).containsExactly("refund");
  }

  @Test
  void orMatchesEitherSide() throws IOException {
    givenFourReviews();

    assertThat(ids(search("refund OR battery"))).containsExactly("battery", "refund", "reversed");
  }

  @Test
  void notAndMinusExcludeMatches() throws IOException {
    givenFourReviews();

    assertThat(ids(search("crash NOT refund"))).containsExactly("crash");
    assertThat(ids(search("crash -refund"))).containsExactly("crash");
    assertThat(ids(search("battery -\"battery drains fast\""))).containsExactly("reversed");
  }

  @Test
  void onlyNegationsMatchEverythingElse() throws IOException {
    givenFourReviews();

    assertThat(ids(search("-crash"))).containsExactly("battery", "reversed");
    assertThat(ids(search("NOT battery"))).containsExactly("crash", "refund");
  }

  @Test
  void onlyNegationsListNewestFirstEvenWhenRelevanceIsAsked() throws IOException {
    given(
        doc("a-old", "first").createdAt(MONDAY_W47).build(),
        doc("b-new", "second").createdAt(MONDAY_W47.plusSeconds(60)).build(),
        doc("c", "refund").build());

    SearchResult result = search(b -> b.query("-refund").sort(SearchRequest.Sort.RELEVANCE));

    assertThat(result.hits()).extracting(SearchResult.Hit::id).containsExactly("b-new", "a-old");
  }

  @Test
  void parenthesesGroupAlternatives() throws IOException {
    givenFourReviews();

    assertThat(ids(search("app (refund OR morning)"))).containsExactly("crash", "refund");
    assertThat(ids(search("+app -(refund OR morning)"))).isEmpty();
  }

  @Test
  void titleIsSearchedToo() throws IOException {
    given(
        doc("titled", "It stopped working").title("Constant crashes").build(),
        doc("x", "fine").build());

    assertThat(ids(search("crash"))).containsExactly("titled");
  }

  @Test
  void emptyOrStopwordOnlyQueryMatchesEverythingNewestFirst() throws IOException {
    given(
        doc("old", "first").createdAt(MONDAY_W47).build(),
        doc("new", "second").createdAt(MONDAY_W47.plus(1, ChronoUnit.DAYS)).build());

    for (String query : List.of("", "   ", "the", "\"\"")) {
      SearchResult result = search(query);
      assertThat(result.hits()).extracting(SearchResult.Hit::id).containsExactly("new", "old");
    }
  }

  @Test
  void lowercaseOperatorsAreWords() throws IOException {
    givenFourReviews();

    // "or" is a stopword, so this is "refund battery": nothing has both.
    assertThat(ids(search("refund or battery"))).isEmpty();
  }

  @Test
  void luceneSyntaxFromUntrustedUsersIsPlainText() throws IOException {
    givenFourReviews();

    // The punctuation is dropped by the analyzer like any other.
    assertThat(ids(search("crash*"))).containsExactly("crash", "refund");
    assertThat(ids(search("crashes~"))).containsExactly("crash", "refund");
    assertThat(ids(search("refund^"))).containsExactly("refund");
    // No field prefix: this is one unknown word, not "crash in the text field".
    assertThat(ids(search("text:crash"))).isEmpty();
    for (String query :
        List.of("text:foo*", "a~2", "/re.*/", "\\", "*", "?", "[a TO z]", "{!lucene}", "a:b:c",
            "-", "+", "&&", "||", "!", "crash^10", "title:(x)", "*:*", "a AND -", "(-)")) {
      SearchResult result = search(query);
      assertThat(result.total()).as(query).isGreaterThanOrEqualTo(0);
    }
  }

  @Test
  void malformedQueriesAreRejectedWithFieldQ() throws IOException {
    givenFourReviews();

    for (String query :
        List.of("\"unclosed", "(crash", "crash)", "crash AND", "OR crash", "NOT", "()",
            "a ".repeat(1_000), "x".repeat(2_001))) {
      assertThatThrownBy(() -> search(query))
          .as(query)
          .isInstanceOfSatisfying(
              InvalidQueryException.class, e -> assertThat(e.field()).isEqualTo("q"));
    }
  }

  @Test
  void filtersNarrowByKindSourceBrandAndSentiment() throws IOException {
    given(
        doc("a", "slow delivery").kind(DocumentKind.TICKET).source("zendesk").brand("Acme")
            .sentiment(SentimentLabel.NEGATIVE).build(),
        doc("b", "slow delivery").kind(DocumentKind.REVIEW).source("shop").brand("Acme")
            .sentiment(SentimentLabel.POSITIVE).build(),
        doc("c", "slow delivery").kind(DocumentKind.POST).source("forum").build());

    assertThat(ids(search(b -> b.kinds(Set.of(DocumentKind.TICKET, DocumentKind.POST)))))
        .containsExactly("a", "c");
    assertThat(ids(search(b -> b.sources(Set.of("shop"))))).containsExactly("b");
    assertThat(ids(search(b -> b.brands(Set.of("Acme"))))).containsExactly("a", "b");
    assertThat(ids(search(b -> b.sentiments(Set.of(SentimentLabel.NEGATIVE)))))
        .containsExactly("a");
    assertThat(ids(search(b -> b.brands(Set.of("Acme")).sources(Set.of("zendesk")))))
        .containsExactly("a");
    assertThat(ids(search(b -> b.themes(Set.of("delivery"))))).isEmpty();
    assertThat(ids(search(b -> b.query("slow").kinds(Set.of(DocumentKind.POST)))))
        .containsExactly("c");
  }

  @Test
  void dateFilterIncludesFromAndExcludesTo() throws IOException {
    Instant t = MONDAY_W47;
    given(
        doc("before", "x").createdAt(t.minusMillis(1)).build(),
        doc("at", "x").createdAt(t).build(),
        doc("end", "x").createdAt(t.plus(1, ChronoUnit.DAYS)).build());

    assertThat(ids(search(b -> b.from(t).to(t.plus(1, ChronoUnit.DAYS))))).containsExactly("at");
    assertThat(ids(search(b -> b.from(t)))).containsExactly("at", "end");
    assertThat(ids(search(b -> b.to(t)))).containsExactly("before");
    assertThatThrownBy(() -> search(b -> b.from(t).to(t.minusSeconds(1))))
        .isInstanceOfSatisfying(
            InvalidQueryException.class, e -> assertThat(e.field()).isEqualTo("from"));
  }

  @Test
  void ratingFilterUsesTheFivePointScale() throws IOException {
    given(
        doc("two", "x").rating(2, 5).build(),
        doc("four", "x").rating(8, 10).build(),
        doc("five", "x").rating(100, 100).build(),
        doc("none", "x").build());

    assertThat(ids(search(b -> b.minRating(4.0)))).containsExactly("five", "four");
    assertThat(ids(search(b -> b.maxRating(4.0)))).containsExactly("four", "two");
    assertThat(ids(search(b -> b.minRating(3.0).maxRating(4.5)))).containsExactly("four");
    assertThatThrownBy(() -> search(b -> b.minRating(4.0).maxRating(3.0)))
        .isInstanceOfSatisfying(
            InvalidQueryException.class, e -> assertThat(e.field()).isEqualTo("minRating"));
  }

  @Test
  void facetsCountAllMatchesNotJustThePage() throws IOException {
    given(
        doc("1", "late parcel").brand("Acme").sentiment(SentimentLabel.NEGATIVE).build(),
        doc("2", "late parcel").brand("Acme").sentiment(SentimentLabel.NEGATIVE).build(),
        doc("3", "late parcel").brand("Bolt").sentiment(SentimentLabel.NEGATIVE).build(),
        doc("4", "late parcel").brand("Crux").source("forum").kind(DocumentKind.POST).build(),
        doc("5", "parcel arrived").brand("Dyne").build());

    SearchResult result = search(b -> b.query("late").limit(1));

    assertThat(result.total()).isEqualTo(4);
    assertThat(result.hits()).hasSize(1);
    assertThat(result.facets().keySet())
        .containsExactly("kind", "source", "brand", "sentiment", "theme", "urgency");
    assertThat(result.facets().get("brand"))
        .containsExactly(Map.entry("Acme", 2L), Map.entry("Bolt", 1L), Map.entry("Crux", 1L));
    assertThat(result.facets().get("sentiment"))
        .containsExactly(Map.entry("negative", 3L), Map.entry("neutral", 1L));
    assertThat(result.facets().get("kind"))
        .containsExactly(Map.entry("review", 3L), Map.entry("post", 1L));
    assertThat(result.facets().get("source"))
        .containsExactly(Map.entry("shop", 3L), Map.entry("forum", 1L));
    assertThat(result.facets().get("theme")).isEmpty();
  }

  @Test
  void histogramHasOneBucketPerWeekIncludingEmptyOnes() throws IOException {
    Instant w47 = MONDAY_W47;
    Instant w49 = w47.plus(14, ChronoUnit.DAYS);
    given(
        doc("1", "x").createdAt(w47).build(),
        doc("2", "x").createdAt(w47.plus(6, ChronoUnit.DAYS)).build(), // Sunday, same week
        doc("3", "x").createdAt(w49.plus(2, ChronoUnit.HOURS)).build());

    SearchResult result = search("");

    assertThat(result.histogram())
        .containsExactly(
            new SearchResult.WeekCount("2026-W47", LocalDate.parse("2026-11-16"), 2),
            new SearchResult.WeekCount("2026-W48", LocalDate.parse("2026-11-23"), 0),
            new SearchResult.WeekCount("2026-W49", LocalDate.parse("2026-11-30"), 1));
  }

  @Test
  void noMatchesGiveNoHitsNoBucketsAndNoCursor() throws IOException {
    givenFourReviews();

    SearchResult result = search("zebra");

    assertThat(result.total()).isZero();
    assertThat(result.hits()).isEmpty();
    assertThat(result.histogram()).isEmpty();
    assertThat(result.nextCursor()).isNull();
    assertThat(result.facets().get("kind")).isEmpty();
  }

  @Test
  void cursorPagingReturnsEveryHitExactlyOnce() throws IOException {
    List<IndexedDocument> documents = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      // Repeated texts and times make ties that only the key can break.
      String text = i % 3 == 0 ? "crash crash report " + i : "crash report " + i;
      Instant at = MONDAY_W47.plus(i % 4, ChronoUnit.HOURS);
      documents.add(doc(String.format(Locale.ROOT, "d%02d", i), text).createdAt(at).build());
    }
    given(documents.toArray(IndexedDocument[]::new));

    for (SearchRequest.Sort sort : SearchRequest.Sort.values()) {
      List<String> seen = new ArrayList<>();
      String cursor = null;
      int pages = 0;
      do {
        String after = cursor;
        SearchResult page = search(b -> b.query("crash").sort(sort).limit(5).cursor(after));
        assertThat(page.total()).isEqualTo(23);
        page.hits().forEach(hit -> seen.add(hit.id()));
        cursor = page.nextCursor();
        pages++;
      } while (cursor != null);

      assertThat(pages).as(sort.name()).isEqualTo(5);
      assertThat(seen).as(sort.name()).doesNotHaveDuplicates().hasSize(23);
    }
  }

  @Test
  void cursorContinuesAfterItsHitWhenNewerDocumentsArrive() throws IOException {
    given(
        doc("a", "x").createdAt(MONDAY_W47.plusSeconds(3)).build(),
        doc("b", "x").createdAt(MONDAY_W47.plusSeconds(2)).build(),
        doc("c", "x").createdAt(MONDAY_W47.plusSeconds(1)).build());
    SearchResult first = search(b -> b.limit(2));
    assertThat(first.hits()).extracting(SearchResult.Hit::id).containsExactly("a", "b");

    index.put(doc("newer", "x").createdAt(MONDAY_W47.plusSeconds(10)).build());
    index.refresh();
    SearchResult second = search(b -> b.limit(2).cursor(first.nextCursor()));

    assertThat(second.hits()).extracting(SearchResult.Hit::id).containsExactly("c");
    assertThat(second.nextCursor()).isNull();
  }

  @Test
  void relevanceRanksMoreMatchesHigherAndReportsScores() throws IOException {
    given(
        doc("once", "crash and some other words here").build(),
        doc("thrice", "crash crash crash").build());

    SearchResult result = search("crash");

    assertThat(result.hits()).extracting(SearchResult.Hit::id).containsExactly("thrice", "once");
    assertThat(result.hits().get(0).score()).isGreaterThan(result.hits().get(1).score());
  }

  @Test
  void malformedOrMismatchedCursorIsRejectedWithFieldCursor() throws IOException {
    givenFourReviews();
    String newestCursor = search(b -> b.limit(1)).nextCursor();

    for (String cursor : List.of("not a cursor!", "AAAA", "%%%", "eyJwYWdlIjoyfQ")) {
      assertThatThrownBy(() -> search(b -> b.cursor(cursor)))
          .as(cursor)
          .isInstanceOfSatisfying(
              InvalidQueryException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
    }
    assertThatThrownBy(() -> search(b -> b.query("crash").cursor(newestCursor)))
        .isInstanceOfSatisfying(
            InvalidQueryException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
  }

  @Test
  void limitOutsideOneToHundredIsRejected() throws IOException {
    givenFourReviews();

    for (int limit : new int[] {0, -1, 101}) {
      assertThatThrownBy(() -> search(b -> b.limit(limit)))
          .isInstanceOfSatisfying(
              InvalidQueryException.class, e -> assertThat(e.field()).isEqualTo("limit"));
    }
    assertThat(search(b -> b.limit(100)).hits()).hasSize(4);
  }

  @Test
  void snippetMarksTheMatchAndEscapesHtml() throws IOException {
    given(doc("x", "<script>alert('hi')</script> Then the app crashes & burns.").build());

    String snippet = search("crash").hits().get(0).snippet();

    assertThat(snippet).contains("<mark>crashes</mark>");
    assertThat(snippet).contains("&lt;script&gt;").contains("&amp; burns").doesNotContain("<script>");
  }

  @Test
  void snippetWithoutAMatchIsTheEscapedStartOfTheText() throws IOException {
    String longText = "<i>Slow</i> delivery. " + "It was late again. ".repeat(20);
    given(doc("x", longText).title("Parcel").build());

    String filterOnly = search("").hits().get(0).snippet();
    String titleOnly = search("parcel").hits().get(0).snippet();

    assertThat(filterOnly).startsWith("&lt;i&gt;Slow&lt;/i&gt; delivery.").endsWith("…");
    assertThat(filterOnly.length()).isLessThan(260);
    assertThat(titleOnly).isEqualTo(filterOnly);
  }

  @Test
  void hitsCarryTheDocumentFields() throws IOException {
    IndexedDocument stored =
        doc("x", "crash").title("T").brand("Acme").kind(DocumentKind.TICKET).source("zendesk")
            .sentiment(SentimentLabel.NEGATIVE).build();
    given(stored);

    SearchResult.Hit hit = search("crash").hits().get(0);

    assertThat(hit.id()).isEqualTo("x");
    assertThat(hit.source()).isEqualTo("zendesk");
    assertThat(hit.kind()).isEqualTo(DocumentKind.TICKET);
    assertThat(hit.createdAt()).isEqualTo(MONDAY_W47);
    assertThat(hit.title()).isEqualTo("T");
    assertThat(hit.brand()).isEqualTo("Acme");
    assertThat(hit.sentiment()).isEqualTo(stored.analysis().sentiment());
    assertThat(hit.score()).isPositive();
  }

  @Test
  void everyPageOfAFilterOnlySearchHasScoresAndSnippets() throws IOException {
    given(doc("a", "one").build(), doc("b", "two").build());

    Set<String> snippets = new HashSet<>();
    for (SearchResult.Hit hit : search("").hits()) {
      assertThat(Float.isNaN(hit.score())).isFalse();
      snippets.add(hit.snippet());
    }
    assertThat(snippets).containsExactlyInAnyOrder("one", "two");
  }
}
