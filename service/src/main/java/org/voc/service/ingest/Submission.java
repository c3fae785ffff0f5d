package org.voc.service.ingest;

import org.voc.nlp.Document;

/** A validated document to ingest, with the hash of the content its client sent. */
public record Submission(Document document, String contentHash) {}
