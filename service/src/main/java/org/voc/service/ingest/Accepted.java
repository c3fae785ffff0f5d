package org.voc.service.ingest;

import java.util.concurrent.CompletableFuture;
import org.voc.index.IndexedDocument;
import org.voc.nlp.DocumentKey;

/**
 * The answer for one submission: its status, and the stored document once analyzed and indexed
 * ({@code null} if it was erased before that).
 */
public record Accepted(DocumentKey key, IngestStatus status, CompletableFuture<IndexedDocument> indexed) {}
