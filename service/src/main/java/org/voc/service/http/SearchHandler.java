package org.voc.service.http;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;
import java.util.Set;
import org.voc.index.DocumentIndex;
import org.voc.index.SearchRequest;

/** {@code GET /v1/search}: keywords and filters in, hits with snippets, facets and a weekly histogram out. */
final class SearchHandler {

  private static final Set<String> PARAMS = FilterParams.with("mode", "limit", "cursor", "sort");
  static final int MAX_LIMIT = 100;

  private final DocumentIndex index;
  private final Function<String, float[]> queryEncoder;
  private final WorkerExecutor encoderPool;

  /** {@code queryEncoder} embeds query text for semantic and hybrid search; null: keyword only. */
  SearchHandler(DocumentIndex index, Function<String, float[]> queryEncoder, WorkerExecutor encoderPool) {
    this.index = index;
    this.queryEncoder = queryEncoder;
    this.encoderPool = encoderPool;
  }

  void search(RoutingContext ctx) {
    SearchRequest parsed = request(ctx, queryEncoder != null);
    boolean needsVector = parsed.mode() != SearchRequest.Mode.KEYWORD && !parsed.query().isBlank();
    Future<SearchRequest> ready = needsVector
        ? encoderPool.executeBlocking(() -> parsed.withQueryVector(queryEncoder.apply(parsed.query())), false)
        : Future.succeededFuture(parsed);
    ready
        .compose(request -> ctx.vertx().executeBlocking(() -> index.search(request), false))
        .onSuccess(result -> Responses.json(ctx, 200, result))
        .onFailure(failure -> Responses.failed(ctx, failure));
  }

  static SearchRequest request(RoutingContext ctx, boolean vectorsAvailable) {
    FilterParams.checkKnown(ctx, PARAMS);
    String modeName = Params.string(ctx, "mode");
    SearchRequest.Mode mode = switch (modeName == null ? (vectorsAvailable ? "hybrid" : "keyword") : modeName) {
      case "keyword" -> SearchRequest.Mode.KEYWORD;
      case "semantic" -> SearchRequest.Mode.SEMANTIC;
      case "hybrid" -> SearchRequest.Mode.HYBRID;
      default -> throw Params.invalid("mode", "mode must be keyword, semantic or hybrid");
    };
    if (mode != SearchRequest.Mode.KEYWORD && !vectorsAvailable) {
      throw Params.invalid("mode", "mode " + modeName + " needs the transformer encoder, which this server "
          + "runs without (analysis.sentiment: corenlp); use mode=keyword");
    }
    Integer limit = Params.integer(ctx, "limit");
    if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
      throw Params.invalid("limit", "limit must be between 1 and " + MAX_LIMIT);
    }
    SearchRequest.Builder builder = FilterParams.filters(ctx)
        .limit(limit == null ? 10 : limit)
        .cursor(Params.string(ctx, "cursor"))
        .mode(mode);
    String sort = Params.string(ctx, "sort");
    if (sort != null) {
      builder.sort(switch (sort) {
        case "relevance" -> SearchRequest.Sort.RELEVANCE;
        case "newest" -> SearchRequest.Sort.NEWEST;
        default -> throw Params.invalid("sort", "sort must be relevance or newest");
      });
    }
    return builder.build();
  }
}
