package org.voc.index;

import java.io.Closeable;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.voc.nlp.DocumentKey;

/**
 * The searchable store of analyzed documents. The default is embedded Lucene; a deployment that
 * outgrows one machine puts the same schema on OpenSearch behind this interface.
 *
 * <p>All methods are thread-safe. Writes become visible to {@link #get} and {@link #search} after
 * the next refresh (at most {@code refreshInterval} later, or at once after {@link #refresh()}),
 * and durable after {@link #commit}.
 */
public interface DocumentIndex extends Closeable {

  /** Adds the document, or replaces the stored one with the same key. */
  void put(IndexedDocument document) throws IOException;

  /** Removes the document with this key, if any. */
  void delete(DocumentKey key) throws IOException;

  /** The stored document with this key, as of the last refresh. */
  Optional<IndexedDocument> get(DocumentKey key) throws IOException;

  /** Runs a search. Throws {@link InvalidQueryException} for a query or filter we cannot run. */
  SearchResult search(SearchRequest request) throws IOException;

  /** Makes every write so far visible to readers now. */
  void refresh() throws IOException;

  /** Makes every write so far durable, recording {@code userData} with the commit. */
  void commit(Map<String, String> userData) throws IOException;

  /** The user data recorded with the last commit (empty for a new index). */
  Map<String, String> committedUserData() throws IOException;

  /** How many documents readers see now. */
  long count() throws IOException;
}
