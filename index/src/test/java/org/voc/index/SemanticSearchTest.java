package org.voc.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.voc.index.TestDocuments.MONDAY_W47;
import static org.voc.index.TestDocuments.doc;

import java.io.IOException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.voc.index.SearchRequest.Mode;

/**
 * Semantic and hybrid search with hand-made embeddings: a few 4-dimensional vectors whose cosine
 * similarities to the query are known, so the expected ranking can be read off the test.
 */
class SemanticSearchTest extends IndexTestCase {

  // The query points along the first axis; cosines to it are 1, 0.99, 0.71 and 0.
  private static final float[] QUERY = {1, 0, 0, 0};
  private static final float[] SAME = {1, 0, 0, 0};
  private static final float[] CLOSE = {0.99f, 0.14f, 0, 0};
  private static final float[] HALFWAY = {1, 1, 0, 0};
  private static final float[] ORTHOGONAL = {0, 0, 1, 0};

  private void put(IndexedDocument document, float[] embedding) throws IOException {
    if (index == null) {
      open();
    }
    index.put(document, embedding);
  }

  private SearchResult search(Mode mode, String query, UnaryOperator<SearchRequest.Builder> more)
      throws IOException {
    index.refresh();
    SearchRequest.Builder request =
        SearchRequest.builder().mode(mode).query(query).queryVector(QUERY).limit(100);
    return index.search(more.apply(request).build());
  }

  private SearchResult semantic() throws IOException {
    return search(Mode.SEMANTIC, "refund", b -> b);
  }

  private static List<String> ranked(SearchResult result) {
    return result.hits().stream().map(SearchResult.Hit::id).toList();
  }

  private void givenFiveDocuments() throws IOException {
    put(doc("same", "same direction").brand("Acme").build(), SAME);
    put(doc("close", "close direction").build(), CLOSE);
    put(doc("halfway", "halfway direction").brand("Acme").build(), HALFWAY);
    put(doc("orthogonal", "unrelated").build(), ORTHOGONAL);
    put(doc("plain", "no embedding").build(), null);
  }

  @Test
  void semanticRanksNearestFirstWithCosineScores() throws IOException {
    givenFiveDocuments();

    SearchResult result = semantic();

    assertThat(ranked(result)).containsExactly("same", "close", "halfway", "orthogonal");
    assertThat(result.hits().get(0).score()).isCloseTo(1f, within(1e-5f));
    assertThat(result.hits().get(2).score()).isCloseTo(0.7071f, within(1e-3f));
    assertThat(result.hits().get(3).score()).isCloseTo(0f, within(1e-5f));
    assertThat(result.total()).isEqualTo(4);
    assertThat(result.nextCursor()).isNull();
  }

  @Test
  void semanticRespectsFiltersAndCountsOnlyItsCandidates() throws IOException {
    givenFiveDocuments();

    SearchResult result = search(Mode.SEMANTIC, "refund", b -> b.brands(Set.of("Acme")));

    assertThat(ranked(result)).containsExactly("same", "halfway");
    assertThat(result.total()).isEqualTo(2);
    assertThat(result.facets().get("brand")).containsExactly(Map.entry("Acme", 2L));
    assertThat(result.histogram()).singleElement().extracting(SearchResult.WeekCount::count)
        .isEqualTo(2L);
  }

  @Test
  void minSimilarityDropsLessSimilarCandidates() throws IOException {
    givenFiveDocuments();

    SearchResult result = search(Mode.SEMANTIC, "refund", b -> b.minSimilarity(0.9f));

    assertThat(ranked(result)).containsExactly("same", "close");
    assertThat(result.total()).isEqualTo(2);
    for (float outside : new float[] {1.5f, -2f, Float.NaN}) {
      assertThatThrownBy(() -> search(Mode.SEMANTIC, "refund", b -> b.minSimilarity(outside)))
          .isInstanceOfSatisfying(
              InvalidQueryException.class, e -> assertThat(e.field()).isEqualTo("minSimilarity"));
    }
  }

  @Test
  void documentWithoutEmbeddingIsFoundByKeywordButNotBySemanticSearch() throws IOException {
    givenFiveDocuments();

    assertThat(ranked(search(Mode.KEYWORD, "embedding", b -> b))).containsExactly("plain");
    assertThat(ranked(semantic())).doesNotContain("plain");
  }

  @Test
  void semanticSnippetIsTheEscapedStartOfTheText() throws IOException {
    put(doc("x", "<b>Refund</b> please").build(), SAME);

    assertThat(semantic().hits().get(0).snippet()).isEqualTo("&lt;b&gt;Refund&lt;/b&gt; please");
  }

  @Test
  void hybridRanksADocumentGoodInBothListsFirstAndKeepsSingleListMatches() throws IOException {
    put(doc("both", "refund for the broken charger").build(), CLOSE);
    put(doc("keyword-top", "refund refund refund").build(), null);
    put(doc("keyword-only", "refund requested").build(), null);
    put(doc("vector-top", "money back please").build(), SAME);
    put(doc("vector-far", "nice shoes").build(), ORTHOGONAL);

    SearchResult result = search(Mode.HYBRID, "refund", b -> b);

    // "both" is in the top 3 of each list: 1/63 + 1/62 at worst, above any single 1/61.
    assertThat(ranked(result).get(0)).isEqualTo("both");
    assertThat(ranked(result))
        .containsExactlyInAnyOrder(
            "both", "keyword-top", "keyword-only", "vector-top", "vector-far");
    assertThat(result.total()).isEqualTo(5);
    assertThat(result.hits().get(0).score())
        .isGreaterThan(1f / (ReciprocalRankFusion.K + 1))
        .isLessThanOrEqualTo(2f / (ReciprocalRankFusion.K + 1));
  }

  @Test
  void hybridMarksKeywordsInSnippetsAndShowsTheStartOfVectorOnlyMatches() throws IOException {
    put(doc("both", "I want a refund now").build(), CLOSE);
    put(doc("vector-only", "Money <back> please").build(), SAME);

    SearchResult result = search(Mode.HYBRID, "refund", b -> b);

    Map<String, String> snippets = new HashMap<>();
    result.hits().forEach(hit -> snippets.put(hit.id(), hit.snippet()));
    assertThat(snippets.get("both")).contains("<mark>refund</mark>");
    assertThat(snippets.get("vector-only")).isEqualTo("Money &lt;back&gt; please");
  }

  @Test
  void hybridAppliesFiltersAndNegationsToBothLists() throws IOException {
    put(doc("acme-refund", "refund").brand("Acme").build(), ORTHOGONAL);
    put(doc("acme-near", "shoes").brand("Acme").build(), SAME);
    put(doc("acme-broken", "broken charger").brand("Acme").build(), CLOSE);
    put(doc("other-near", "refund").brand("Bolt").build(), SAME);

    SearchResult filtered = search(Mode.HYBRID, "refund", b -> b.brands(Set.of("Acme")));
    SearchResult negated = search(Mode.HYBRID, "refund -broken", b -> b);

    assertThat(ranked(filtered))
        .containsExactlyInAnyOrder("acme-refund", "acme-near", "acme-broken");
    assertThat(filtered.total()).isEqualTo(3);
    assertThat(ranked(negated)).containsExactlyInAnyOrder("acme-refund", "acme-near", "other-near");
  }

  @Test
  void hybridCountsEveryKeywordMatchEvenBeyondTheFusedList() throws IOException {
    open();
    int matches = RankedSearch.KEYWORD_CANDIDATES + 30;
    for (int i = 0; i < matches; i++) {
      index.put(doc(String.format(Locale.ROOT, "k%03d", i), "refund " + i).build());
    }
    put(doc("vector-only", "shoes").build(), SAME);

    SearchResult result = search(Mode.HYBRID, "refund", b -> b);

    assertThat(result.total()).isEqualTo(matches + 1);
    assertThat(result.facets().get("kind")).containsExactly(Map.entry("review", matches + 1L));
    assertThat(pageThrough(Mode.HYBRID, "refund", 50))
        .hasSize(RankedSearch.KEYWORD_CANDIDATES + 1)
        .contains("vector-only");
  }

  @Test
  void pagingThroughHybridResultsReturnsEachHitOnce() throws IOException {
    open();
    for (int i = 0; i < 23; i++) {
      // Repeated texts and vectors make ties that only the key can break.
      String text = i % 2 == 0 ? "refund " + (i % 3) : "shoes";
      float[] vector = i % 3 == 0 ? null : new float[] {1, i % 4, 0, 1};
      put(doc(String.format(Locale.ROOT, "d%02d", i), text).build(), vector);
    }

    SearchResult all = search(Mode.HYBRID, "refund", b -> b);
    List<String> paged = pageThrough(Mode.HYBRID, "refund", 5);

    assertThat(paged).doesNotHaveDuplicates().isEqualTo(ranked(all));
    assertThat(paged).hasSize((int) all.total());
  }

  @Test
  void pagingThroughSemanticResultsReturnsEachHitOnce() throws IOException {
    givenFiveDocuments();

    assertThat(pageThrough(Mode.SEMANTIC, "refund", 3))
        .containsExactly("same", "close", "halfway", "orthogonal");
  }

  private List<String> pageThrough(Mode mode, String query, int limit) throws IOException {
    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      String after = cursor;
      SearchResult page = search(mode, query, b -> b.limit(limit).cursor(after));
      assertThat(page.hits()).isNotEmpty();
      page.hits().forEach(hit -> seen.add(hit.id()));
      cursor = page.nextCursor();
    } while (cursor != null);
    return seen;
  }

  @Test
  void cursorOfAnotherModeIsRejectedWithFieldCursor() throws IOException {
    givenFiveDocuments();
    String semantic = search(Mode.SEMANTIC, "direction", b -> b.limit(1)).nextCursor();
    String hybrid = search(Mode.HYBRID, "direction", b -> b.limit(1)).nextCursor();
    String keyword = search(Mode.KEYWORD, "direction", b -> b.limit(1)).nextCursor();

    assertRejectedCursor(Mode.HYBRID, semantic);
    assertRejectedCursor(Mode.KEYWORD, semantic);
    assertRejectedCursor(Mode.SEMANTIC, hybrid);
    assertRejectedCursor(Mode.SEMANTIC, keyword);
    assertRejectedCursor(Mode.HYBRID, keyword);
  }

  @Test
  void cursorPastTheEndGivesAnEmptyLastPage() throws IOException {
    givenFiveDocuments();

    for (int offset : new int[] {4, 1_000, Integer.MAX_VALUE}) {
      String cursor = SearchCursor.encodeOffset((byte) 'S', offset);
      SearchResult page = search(Mode.SEMANTIC, "refund", b -> b.cursor(cursor));
      assertThat(page.hits()).as("offset %d", offset).isEmpty();
      assertThat(page.nextCursor()).isNull();
      assertThat(page.total()).isEqualTo(4);
    }
  }

  private void assertRejectedCursor(Mode mode, String cursor) {
    assertThat(cursor).isNotNull();
    assertThatThrownBy(() -> search(mode, "direction", b -> b.cursor(cursor)))
        .as(mode + " with " + cursor)
        .isInstanceOfSatisfying(
            InvalidQueryException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
  }

  @Test
  void semanticOrHybridWithoutQueryVectorIsRejectedWithFieldMode() throws IOException {
    givenFiveDocuments();

    for (Mode mode : List.of(Mode.SEMANTIC, Mode.HYBRID)) {
      assertThatThrownBy(() -> search(mode, "refund", b -> b.queryVector(null)))
          .as(mode.name())
          .isInstanceOfSatisfying(
              InvalidQueryException.class, e -> assertThat(e.field()).isEqualTo("mode"));
    }
  }

  @Test
  void semanticWithoutQueryOrVectorListsTheFilteredDocumentsNewestFirst() throws IOException {
    open();
    put(doc("old", "a").brand("Acme").build(), SAME);
    put(doc("new", "b").brand("Acme").createdAt(MONDAY_W47.plus(1, ChronoUnit.DAYS)).build(), null);
    put(doc("other", "c").brand("Bolt").build(), SAME);

    SearchResult result =
        search(Mode.SEMANTIC, " ", b -> b.queryVector(null).brands(Set.of("Acme")));

    assertThat(ranked(result)).containsExactly("new", "old");
  }

  @Test
  void embeddingOfAnotherDimensionIsRejected() throws IOException {
    put(doc("a", "x").build(), SAME);

    assertThatThrownBy(() -> put(doc("b", "y").build(), new float[] {1, 0, 0, 0, 0, 0, 0, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("8 dimensions")
        .hasMessageContaining("4-dimensional");
    index.refresh();
    assertThat(index.count()).isEqualTo(1);
  }

  @Test
  void dimensionIsRememberedAcrossReopen() throws IOException {
    put(doc("a", "x").build(), SAME);
    index.commit(Map.of());
    index.close();
    open();

    assertThatThrownBy(() -> index.put(doc("b", "y").build(), new float[] {1, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("4-dimensional");
  }

  @Test
  void queryVectorOfAnotherDimensionIsAConfigurationErrorNotBadInput() throws IOException {
    givenFiveDocuments();

    float[] twoDimensions = {1, 0};
    assertThatThrownBy(() -> search(Mode.SEMANTIC, "refund", b -> b.queryVector(twoDimensions)))
        .isInstanceOf(IllegalArgumentException.class)
        .isNotInstanceOf(InvalidQueryException.class)
        .hasMessageContaining("2 dimensions");
  }

  @Test
  void zeroOrNonFiniteEmbeddingIsRejected() throws IOException {
    open();

    List<float[]> refused =
        List.of(new float[] {0, 0, 0, 0}, new float[] {1, Float.NaN, 0, 0}, new float[0]);
    for (float[] embedding : refused) {
      assertThatThrownBy(() -> index.put(doc("a", "x").build(), embedding))
          .isInstanceOf(IllegalArgumentException.class);
    }
    // None of them fixed the dimension.
    index.put(doc("b", "y").build(), new float[] {1, 0});
  }

  @Test
  void embeddingsSurviveCommitAndReopenAndAreNotStored() throws IOException {
    IndexedDocument same = doc("same", "same direction").build();
    put(same, SAME);
    put(doc("close", "close direction").build(), CLOSE);
    put(doc("orthogonal", "unrelated").build(), ORTHOGONAL);
    index.commit(Map.of());
    index.close();

    open();

    assertThat(ranked(semantic())).containsExactly("same", "close", "orthogonal");
    assertThat(index.get(same.key())).contains(same);
  }

  @Test
  void deletedDocumentLeavesSemanticResults() throws IOException {
    givenFiveDocuments();
    index.delete(doc("same", "").build().key());

    assertThat(ranked(semantic())).containsExactly("close", "halfway", "orthogonal");
  }

  @Test
  void putWithoutEmbeddingReplacesTheDocumentAndDropsItsVector() throws IOException {
    givenFiveDocuments();
    index.put(doc("same", "same direction, now without a vector").build());

    assertThat(ranked(semantic())).containsExactly("close", "halfway", "orthogonal");
  }
}
