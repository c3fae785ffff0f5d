package org.voc.service.ingest;

import org.voc.index.IndexedDocument;
import org.voc.nlp.Document;

/** What voc holds for a key: a document accepted and waiting for analysis, or one indexed. */
public sealed interface StoredState {

  Document document();

  /** Accepted and durable, not analyzed yet. */
  record Pending(Document document) implements StoredState {}

  /** Analyzed and searchable. */
  record Indexed(IndexedDocument stored) implements StoredState {
    @Override
    public Document document() {
      return stored.document();
    }
  }
}
