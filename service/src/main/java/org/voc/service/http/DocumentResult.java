package org.voc.service.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.voc.nlp.Analysis;
import org.voc.service.ingest.IngestStatus;

/**
 * The answer for one posted document. {@code index} is its position in a batch, {@code line} its
 * line in an NDJSON body; {@code analysis} is present when the client asked to wait and it is
 * done, {@code analysisPending} when the wait ran out first.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DocumentResult(
    Integer index,
    Integer line,
    String id,
    String source,
    IngestStatus status,
    ApiError.Body error,
    Analysis analysis,
    Boolean analysisPending) {

  DocumentResult withAnalysis(Analysis value) {
    return new DocumentResult(index, line, id, source, status, error, value, null);
  }

  DocumentResult stillPending() {
    return new DocumentResult(index, line, id, source, status, error, null, Boolean.TRUE);
  }
}
