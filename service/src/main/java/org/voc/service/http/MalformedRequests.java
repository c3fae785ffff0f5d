package org.voc.service.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * Answers a request the HTTP codec could not read (a request line or headers over the limits, a
 * garbled request line or header) with the API's JSON error, instead of Vert.x's empty body; the
 * router never sees such a request. The connection is closed afterwards, as the bytes that follow
 * cannot be trusted to start a new request.
 */
public final class MalformedRequests {

  private MalformedRequests() {}

  public static void answer(HttpServerRequest request) {
    Throwable cause = request.decoderResult() == null ? null : request.decoderResult().cause();
    String reason = cause == null || cause.getMessage() == null ? "" : cause.getMessage();
    ApiError error;
    if (reason.startsWith("An HTTP line is larger than")) {
      error = new ApiError(414, "uri_too_long", "the request line is longer than the limit", null);
    } else if (reason.startsWith("HTTP header is larger than")) {
      error = new ApiError(431, "headers_too_large", "the request headers are larger than the limit", null);
    } else {
      error = ApiError.badRequest("malformed_request", "the request line or headers could not be read");
    }
    HttpServerResponse response = request.response();
    String body = "{\"error\":{\"code\":\"" + error.code() + "\",\"message\":\"" + error.message() + "\"}}";
    response.setStatusCode(error.status()).putHeader("content-type", Responses.JSON)
        .putHeader("connection", "close").end(body).onComplete(done -> request.connection().close());
  }
}
