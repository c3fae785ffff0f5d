package org.voc.nlp;

/**
 * An analysis together with the document's search vector (the length-weighted mean of its
 * sentence vectors, L2-normalized), or null when no encoder is configured or the text is empty.
 */
public record AnalyzedDocument(Analysis analysis, float[] embedding) {}
