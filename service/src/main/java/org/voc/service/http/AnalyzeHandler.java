package org.voc.service.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;
import org.voc.nlp.AnalyzedDocument;
import org.voc.nlp.Document;

/**
 * {@code POST /v1/analyze}: analyzes a text ({@code text/plain}) or a document ({@code {"text":
 * ...}} with optional document fields) and stores nothing. Runs on the analysis worker pool.
 */
final class AnalyzeHandler {

  private final Function<Document, AnalyzedDocument> analyzer;
  private final DocumentReader reader;
  private final WorkerExecutor workers;

  AnalyzeHandler(Function<Document, AnalyzedDocument> analyzer, DocumentReader reader, WorkerExecutor workers) {
    this.analyzer = analyzer;
    this.reader = reader;
    this.workers = workers;
  }

  void analyze(RoutingContext ctx) {
    String mediaType = RequestBodies.mediaType(ctx.request().getHeader("content-type"));
    String body = RequestBodies.utf8(ctx.body().buffer());
    DocumentReader.Result read;
    if (mediaType.equals("text/plain")) {
      read = reader.read(JsonNodeFactory.instance.objectNode().put("text", body), false);
    } else if (RequestBodies.isJson(mediaType)) {
      read = reader.read(RequestBodies.json(body), false);
    } else {
      throw new ApiException(new ApiError(415, "unsupported_media_type",
          "send application/json or text/plain, not " + mediaType, null));
    }
    if (!read.ok()) {
      throw new ApiException(read.error());
    }
    Document document = read.submission().document();
    workers.executeBlocking(() -> analyzer.apply(document).analysis(), false)
        .onSuccess(analysis -> Responses.json(ctx, 200, analysis))
        .onFailure(ctx::fail);
  }
}
