package org.voc.service.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.voc.index.IndexedDocument;
import org.voc.nlp.DocumentKey;
import org.voc.service.ingest.Accepted;
import org.voc.service.ingest.IngestPipeline;
import org.voc.service.ingest.IngestStatus;
import org.voc.service.ingest.QueueFullException;
import org.voc.service.ingest.StoredState;
import org.voc.service.ingest.Submission;

/**
 * {@code POST /v1/documents} (one object, {@code {"documents": [...]}}, or NDJSON), and {@code
 * GET}/{@code DELETE /v1/documents/{source}/{id}}. Decoding, validation and the journal write run
 * off the event loop.
 */
final class DocumentsHandler {

  private final IngestPipeline pipeline;
  private final DocumentReader reader;
  private final int queueCapacity;
  private final int waitSeconds;

  DocumentsHandler(IngestPipeline pipeline, DocumentReader reader, int queueCapacity, int waitSeconds) {
    this.pipeline = pipeline;
    this.reader = reader;
    this.queueCapacity = queueCapacity;
    this.waitSeconds = waitSeconds;
  }

  void post(RoutingContext ctx) {
    boolean wait = Params.bool(ctx, "wait");
    String mediaType = RequestBodies.mediaType(ctx.request().getHeader("content-type"));
    if (!RequestBodies.isJson(mediaType) && !RequestBodies.isNdjson(mediaType)) {
      throw new ApiException(new ApiError(415, "unsupported_media_type",
          "send application/json or application/x-ndjson, not " + mediaType, null));
    }
    ctx.vertx()
        .executeBlocking(() -> ingest(ctx, mediaType, wait), false)
        .compose(answer -> wait ? awaitAnalyses(ctx, answer) : Future.succeededFuture(answer))
        .compose(answer -> wait ? ctx.vertx().executeBlocking(() -> {
          pipeline.refresh(); // what the client waited for is searchable when it gets the answer
          return answer;
        }, false) : Future.succeededFuture(answer))
        .onSuccess(answer -> Responses.json(ctx, answer.status, answer.body()))
        .onFailure(failure -> {
          if (failure instanceof QueueFullException full) {
            ctx.response().putHeader("Retry-After", Integer.toString(full.retryAfterSeconds()));
            Responses.error(ctx, new ApiError(429, "queue_full", full.getMessage(), null));
          } else {
            ctx.fail(failure);
          }
        });
  }

  void get(RoutingContext ctx) {
    DocumentKey key = key(ctx);
    ctx.vertx()
        .executeBlocking(() -> pipeline.find(key), false)
        .onSuccess(found -> {
          if (found.isEmpty()) {
            Responses.error(ctx, notFound(key));
            return;
          }
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("document", found.get().document());
          if (found.get() instanceof StoredState.Indexed indexed) {
            body.put("status", "analyzed");
            body.put("analysis", indexed.stored().analysis());
          } else {
            body.put("status", "pending");
          }
          Responses.json(ctx, 200, body);
        })
        .onFailure(ctx::fail);
  }

  void delete(RoutingContext ctx) {
    DocumentKey key = key(ctx);
    ctx.vertx()
        .executeBlocking(() -> pipeline.delete(key), false)
        .onSuccess(deleted -> {
          if (deleted) {
            Responses.json(ctx, 200, Map.of("id", key.id(), "source", key.source(), "status", "deleted"));
          } else {
            Responses.error(ctx, notFound(key));
          }
        })
        .onFailure(ctx::fail);
  }

  private static DocumentKey key(RoutingContext ctx) {
    return new DocumentKey(ctx.pathParam("source"), ctx.pathParam("id"));
  }

  private static ApiError notFound(DocumentKey key) {
    return new ApiError(404, "not_found", "no document with source '" + key.source() + "' and id '"
        + key.id() + "'", null);
  }

  /** What the ingest step produced: the per-document results and their futures, to answer with. */
  private record Answer(int status, boolean single, List<DocumentResult> results,
      List<CompletableFuture<IndexedDocument>> pending, ApiError error) {

    Object body() {
      if (single) {
        return results.getFirst();
      }
      Map<IngestStatus, Integer> counts = new EnumMap<>(IngestStatus.class);
      for (IngestStatus status : IngestStatus.values()) {
        counts.put(status, 0);
      }
      results.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
      Map<String, Object> body = new LinkedHashMap<>();
      if (error != null) {
        body.put("error", error.body().get("error"));
      }
      Map<String, Integer> named = new LinkedHashMap<>();
      counts.forEach((k, v) -> named.put(k.wireName(), v));
      body.put("counts", named);
      body.put("results", results);
      return body;
    }
  }

  private Answer ingest(RoutingContext ctx, String mediaType, boolean wait) throws Exception {
    String text = RequestBodies.utf8(ctx.body().buffer());
    List<Item> items = new ArrayList<>();
    boolean single = false;
    if (RequestBodies.isNdjson(mediaType)) {
      for (RequestBodies.Line line : RequestBodies.ndjson(text)) {
        items.add(new Item(items.size(), line.number(), line.node(), line.error()));
      }
    } else {
      JsonNode node = RequestBodies.json(text);
      if (node.isObject() && node.has("documents")) {
        JsonNode documents = node.get("documents");
        if (node.size() != 1 || !documents.isArray()) {
          throw new ApiException(ApiError.badRequest("invalid_batch",
              "a batch is {\"documents\": [ ... ]} with nothing else beside it", "documents"));
        }
        for (JsonNode document : documents) {
          items.add(new Item(items.size(), null, document, null));
        }
      } else if (node.isArray()) {
        throw new ApiException(ApiError.badRequest("invalid_batch",
            "post a batch as {\"documents\": [ ... ]} or as NDJSON", null));
      } else {
        single = true;
        items.add(new Item(null, null, node, null));
      }
    }
    if (items.isEmpty()) {
      throw new ApiException(ApiError.badRequest("empty_batch", "the batch holds no documents", "documents"));
    }
    if (items.size() > queueCapacity) {
      throw new ApiException(new ApiError(413, "batch_too_large", "a batch may hold at most "
          + queueCapacity + " documents; split it", "documents"));
    }
    return accept(items, single, wait);
  }

  private record Item(Integer index, Integer line, JsonNode node, ApiError parseError) {}

  private Answer accept(List<Item> items, boolean single, boolean wait) throws Exception {
    DocumentResult[] results = new DocumentResult[items.size()];
    List<Submission> valid = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      DocumentReader.Result read = item.parseError() == null ? reader.read(item.node()) : null;
      ApiError error = read == null ? item.parseError() : read.error();
      if (error != null) {
        if (single) {
          throw new ApiException(error);
        }
        results[i] = new DocumentResult(item.index(), item.line(), idOf(item.node()), sourceOf(item.node()),
            IngestStatus.REJECTED, error.body().get("error"), null, null);
      } else {
        valid.add(read.submission());
        positions.add(i);
      }
    }
    List<CompletableFuture<IndexedDocument>> futures = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      futures.add(null);
    }
    if (!valid.isEmpty()) {
      List<Accepted> accepted = pipeline.accept(valid, wait);
      for (int j = 0; j < accepted.size(); j++) {
        int i = positions.get(j);
        Accepted a = accepted.get(j);
        results[i] = new DocumentResult(items.get(i).index(), items.get(i).line(), a.key().id(),
            a.key().source(), a.status(), null, null, null);
        futures.set(i, a.indexed());
      }
    }
    if (single) {
      IngestStatus status = results[0].status();
      return new Answer(status == IngestStatus.CREATED ? 201 : 200, true, List.of(results), futures, null);
    }
    if (valid.isEmpty()) {
      return new Answer(400, false, List.of(results), futures,
          ApiError.badRequest("all_rejected", "no document in the batch was valid; see results"));
    }
    return new Answer(200, false, List.of(results), futures, null);
  }

  private Future<Answer> awaitAnalyses(RoutingContext ctx, Answer answer) {
    List<CompletableFuture<IndexedDocument>> waiting = answer.pending().stream()
        .filter(f -> f != null).toList();
    CompletableFuture<Void> all = CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new))
        .completeOnTimeout(null, waitSeconds, TimeUnit.SECONDS);
    Promise<Answer> promise = Promise.promise();
    all.whenComplete((ignored, error) -> ctx.vertx().runOnContext(v -> {
      List<DocumentResult> results = new ArrayList<>();
      for (int i = 0; i < answer.results().size(); i++) {
        DocumentResult result = answer.results().get(i);
        CompletableFuture<IndexedDocument> future = answer.pending().get(i);
        if (future == null) {
          results.add(result);
        } else if (future.isDone() && !future.isCompletedExceptionally()) {
          IndexedDocument stored = future.join();
          results.add(stored == null ? result : result.withAnalysis(stored.analysis()));
        } else {
          results.add(result.stillPending());
        }
      }
      promise.complete(new Answer(answer.status(), answer.single(), results, answer.pending(), answer.error()));
    }));
    return promise.future();
  }

  private static String idOf(JsonNode node) {
    return node != null && node.isObject() && node.path("id").isTextual() ? node.get("id").textValue() : null;
  }

  private static String sourceOf(JsonNode node) {
    return node != null && node.isObject() && node.path("source").isTextual() ? node.get("source").textValue() : null;
  }
}
