package org.voc.service.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * A client error as the API reports it: HTTP status, a stable machine-readable code, a message for
 * people, and the request field at fault when there is one.
 */
public record ApiError(int status, String code, String message, String field) {

  public static ApiError badRequest(String code, String message, String field) {
    return new ApiError(400, code, message, field);
  }

  public static ApiError badRequest(String code, String message) {
    return new ApiError(400, code, message, null);
  }

  /** The JSON body: {@code {"error": {"code", "message", "field"}}}. */
  public Map<String, Body> body() {
    return Map.of("error", new Body(code, message, field));
  }

  /** The inner error object. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Body(String code, String message, String field) {}
}
