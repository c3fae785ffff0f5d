package org.voc.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.voc.nlp.Document;

/**
 * The hits of one page, in every mode: each document read back from its stored JSON, with its
 * snippet and the score it was ranked by. Thread-safe.
 */
final class PageHits {

  private final Snippets snippets;

  PageHits(Analyzer analyzer) {
    this.snippets = new Snippets(analyzer);
  }

  /**
   * One hit per entry of {@code page}, in page order, with the entry's score; snippets mark the
   * matches of {@code keywords} (a query that scores nothing marks nothing).
   */
  List<SearchResult.Hit> of(IndexSearcher searcher, Query keywords, ScoreDoc[] page)
      throws IOException {
    StoredFields stored = searcher.storedFields();
    List<IndexSchema.HitView> documents = new ArrayList<>(page.length);
    for (ScoreDoc hit : page) {
      documents.add(IndexSchema.hitFromStored(stored.document(hit.doc, Set.of(IndexSchema.JSON))));
    }
    List<String> texts = documents.stream().map(IndexSchema.HitView::text).toList();
    List<String> pageSnippets = snippets.of(searcher, keywords, page, texts);
    List<SearchResult.Hit> hits = new ArrayList<>(page.length);
    for (int i = 0; i < page.length; i++) {
      hits.add(hit(documents.get(i), pageSnippets.get(i), page[i].score));
    }
    return hits;
  }

  private static SearchResult.Hit hit(IndexSchema.HitView indexed, String snippet, float score) {
    Document document = indexed.document();
    return new SearchResult.Hit(
        document.id(),
        document.source(),
        document.kind(),
        document.createdAt(),
        document.title(),
        document.brand(),
        snippet,
        indexed.sentiment(),
        score);
  }
}
