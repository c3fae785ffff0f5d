package org.voc.index;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.voc.nlp.DocumentKey;
import org.voc.nlp.SentimentLabel;

/**
 * The searchable store of analyzed documents. The default is embedded Lucene; a deployment that
 * outgrows one machine puts the same schema on OpenSearch behind this interface.
 *
 * <p>All methods are thread-safe. Writes become visible to {@link #get} and {@link #search} after
 * the next refresh (at most {@code refreshInterval} later, or at once after {@link #refresh()}),
 * and durable after {@link #commit}.
 */
public interface DocumentIndex extends Closeable {

  /** Adds the document without an embedding, or replaces the stored one with the same key. */
  default void put(IndexedDocument document) throws IOException {
    put(document, null);
  }

  /**
   * Adds the document, or replaces the stored one with the same key (and its embedding, if any).
   *
   * <p>{@code embedding} is the vector semantic search compares with query vectors; null means
   * the document has none, so only keyword search finds it. It is indexed, not stored: {@link
   * #get} returns the document without it. The first embedding fixes the dimension of all that
   * follow; one of another dimension, a zero vector or a non-finite value is an {@link
   * IllegalArgumentException}. Embeddings need not be normalized: similarity is cosine.
   */
  void put(IndexedDocument document, float[] embedding) throws IOException;

  /** Removes the document with this key, if any. */
  void delete(DocumentKey key) throws IOException;

  /**
   * Rewrites the parts of the index that still hold deleted documents, so that after the next
   * {@link #commit} (and refresh) an erased document's text is in no file on disk. Costly: it
   * rewrites every segment with a deletion; meant for erasure requests, not for every update.
   */
  default void expungeDeletes() throws IOException {}

  /** The stored document with this key, as of the last refresh. */
  Optional<IndexedDocument> get(DocumentKey key) throws IOException;

  /** Runs a search. Throws {@link InvalidQueryException} for a query or filter we cannot run. */
  SearchResult search(SearchRequest request) throws IOException;

  /**
   * Themes and brands of the documents that match {@code request}'s keywords and filters (its
   * mode, sort, limit and cursor are ignored: keywords are matched as in KEYWORD mode), counted
   * from doc values in one pass. Throws {@link InvalidQueryException} like {@link #search}.
   */
  Insights insights(SearchRequest request) throws IOException;

  /**
   * Sentiment counts per ISO week of the documents that match {@code request} (as in {@link
   * #insights}), overall and per kind, source, theme, brand and aspect, counted from doc values in
   * one pass. The request's {@code from} and {@code to} are required: they set the weeks listed
   * (from the week of {@code from} to the week before {@code to}).
   */
  WeeklyCounts weeklyCounts(SearchRequest request) throws IOException;

  /**
   * The {@code n} newest documents that match {@code request} (as in {@link #insights}) and carry
   * {@code value} of {@code dimension} with sentiment {@code label} toward it (see {@link
   * WeeklyCounts.Dimension}); ties by key.
   */
  List<IndexedDocument> examples(SearchRequest request, WeeklyCounts.Dimension dimension, String value,
      SentimentLabel label, int n) throws IOException;

  /**
   * The documents that match {@code request} (as in {@link #insights}) and have an embedding but
   * no theme: how many, and a uniform sample of at most {@code max} drawn with {@code seed}.
   */
  UnthemedSample unthemedSample(SearchRequest request, int max, long seed) throws IOException;

  /** Makes every write so far visible to readers now. */
  void refresh() throws IOException;

  /** Makes every write so far durable, recording {@code userData} with the commit. */
  void commit(Map<String, String> userData) throws IOException;

  /** The user data recorded with the last commit (empty for a new index). */
  Map<String, String> committedUserData() throws IOException;

  /** How many documents readers see now. */
  long count() throws IOException;
}
