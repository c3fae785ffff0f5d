package org.voc.service.http;

import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import org.voc.index.DocumentIndex;
import org.voc.index.InvalidQueryException;
import org.voc.index.SearchRequest;
import org.voc.nlp.DocumentKind;
import org.voc.nlp.SentimentLabel;

/** {@code GET /v1/search}: keywords and filters in, hits with snippets, facets and a weekly histogram out. */
final class SearchHandler {

  private static final Set<String> PARAMS = Set.of("q", "mode", "kind", "source", "brand", "theme",
      "sentiment", "from", "to", "minRating", "maxRating", "limit", "cursor", "sort");
  static final int MAX_LIMIT = 100;

  private final DocumentIndex index;

  SearchHandler(DocumentIndex index) {
    this.index = index;
  }

  void search(RoutingContext ctx) {
    SearchRequest request = request(ctx);
    ctx.vertx()
        .executeBlocking(() -> index.search(request), false)
        .onSuccess(result -> Responses.json(ctx, 200, result))
        .onFailure(failure -> {
          if (failure instanceof InvalidQueryException invalid) {
            Responses.error(ctx, ApiError.badRequest("invalid_query", invalid.getMessage(), invalid.field()));
          } else {
            ctx.fail(failure);
          }
        });
  }

  static SearchRequest request(RoutingContext ctx) {
    for (String name : ctx.queryParams().names()) {
      if (!PARAMS.contains(name)) {
        throw Params.invalid(name, "unknown parameter '" + name + "'; known: " + String.join(", ",
            PARAMS.stream().sorted().toList()));
      }
    }
    String mode = Params.string(ctx, "mode");
    if (mode != null && !mode.equals("keyword")) {
      throw Params.invalid("mode", "mode '" + mode + "' is not available yet: this version searches by "
          + "keyword only (mode=keyword)");
    }
    Integer limit = Params.integer(ctx, "limit");
    if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
      throw Params.invalid("limit", "limit must be between 1 and " + MAX_LIMIT);
    }
    Double minRating = Params.number(ctx, "minRating");
    Double maxRating = Params.number(ctx, "maxRating");
    SearchRequest.Builder builder = SearchRequest.builder()
        .query(Params.string(ctx, "q"))
        .kinds(Params.set(ctx, "kind", v -> DocumentKind.parse(v).orElseThrow(
            () -> Params.invalid("kind", "kind must be review, ticket or post, not '" + v + "'"))))
        .sources(Params.set(ctx, "source", v -> v))
        .brands(Params.set(ctx, "brand", v -> v))
        .themes(Params.set(ctx, "theme", v -> v))
        .sentiments(Params.set(ctx, "sentiment", v -> SentimentLabel.parse(v).orElseThrow(
            () -> Params.invalid("sentiment", "sentiment must be negative, neutral or positive, not '" + v + "'"))))
        .from(Params.instant(ctx, "from", false))
        .to(Params.instant(ctx, "to", true))
        .minRating(minRating)
        .maxRating(maxRating)
        .limit(limit == null ? 10 : limit)
        .cursor(Params.string(ctx, "cursor"));
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
