package org.voc.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.voc.index.TestDocuments.doc;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A search that runs out of its time budget answers with what it found, marked partial. */
class SearchBudgetTest {

  private static final int DOCS = 3_000;

  @TempDir Path dir;

  private void fill(LuceneDocumentIndex index) throws IOException {
    for (int i = 0; i < DOCS; i++) {
      index.put(doc("r-" + i, "The delivery of order " + i + " was late again").build());
    }
    index.refresh();
  }

  @Test
  void withinItsBudgetASearchIsComplete() throws IOException {
    try (LuceneDocumentIndex index = LuceneDocumentIndex.open(dir, Duration.ofHours(1), QueryLimits.DEFAULT)) {
      fill(index);

      SearchResult result = index.search(SearchRequest.builder().query("delivery").build());

      assertThat(result.partial()).isFalse();
      assertThat(result.total()).isEqualTo(DOCS);
      assertThat(result.hits()).isNotEmpty();
    }
  }

  @Test
  void pastItsBudgetASearchStopsAndSaysSo() throws IOException {
    // A budget that is spent before the search starts: the first check stops it.
    QueryLimits spent = new QueryLimits(2_000, 64, 8, Duration.ofNanos(1));
    try (LuceneDocumentIndex index = LuceneDocumentIndex.open(dir, Duration.ofHours(1), spent)) {
      fill(index);

      SearchResult result = index.search(SearchRequest.builder().query("delivery").build());

      assertThat(result.partial()).isTrue();
      assertThat(result.total()).isLessThan(DOCS);
    }
  }

  @Test
  void aBudgetMustBePositive() {
    assertThatThrownBy(() -> new QueryLimits(2_000, 64, 8, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("budget");
  }
}
