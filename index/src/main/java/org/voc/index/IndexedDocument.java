package org.voc.index;

import java.util.Objects;
import org.voc.nlp.Analysis;
import org.voc.nlp.Document;
import org.voc.nlp.DocumentKey;

/**
 * A document as stored: what the client sent, what voc found, and the hash of the client's content
 * (to tell a retry from an update).
 */
public record IndexedDocument(Document document, Analysis analysis, String contentHash) {

  public IndexedDocument {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(analysis, "analysis");
    Objects.requireNonNull(contentHash, "contentHash");
  }

  public DocumentKey key() {
    return document.key();
  }
}
