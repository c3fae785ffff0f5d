package org.voc.service.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voc.index.InvalidQueryException;
import org.voc.nlp.VocJson;

/** Writes JSON answers; the one place that sets content types and turns failures into bodies. */
final class Responses {

  private static final Logger LOG = LoggerFactory.getLogger(Responses.class);
  static final String JSON = "application/json; charset=utf-8";

  private Responses() {}

  static void json(RoutingContext ctx, int status, Object body) {
    if (ctx.response().ended()) {
      return;
    }
    String text;
    try {
      text = VocJson.mapper().writeValueAsString(body);
    } catch (JsonProcessingException e) {
      internalError(ctx, e);
      return;
    }
    ctx.response().setStatusCode(status).putHeader("content-type", JSON).end(text);
  }

  static void error(RoutingContext ctx, ApiError error) {
    json(ctx, error.status(), error.body());
  }

  /** A failed request's answer: bad queries and API errors as 4xx, anything else to the router. */
  static void failed(RoutingContext ctx, Throwable failure) {
    if (failure instanceof InvalidQueryException invalid) {
      error(ctx, ApiError.badRequest("invalid_query", invalid.getMessage(), invalid.field()));
    } else if (failure instanceof ApiException api) {
      error(ctx, api.error());
    } else {
      ctx.fail(failure);
    }
  }

  /** An unexpected failure: logged once with the request, answered without internals. */
  static void internalError(RoutingContext ctx, Throwable failure) {
    LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), failure);
    if (!ctx.response().ended()) {
      ctx.response().setStatusCode(500).putHeader("content-type", JSON)
          .end("{\"error\":{\"code\":\"internal\",\"message\":\"internal error; see the server log\"}}");
    }
  }
}
