package org.voc.service.http;

/** Carries an {@link ApiError} from deep in a handler to the router's failure handler. */
final class ApiException extends RuntimeException {

  private final ApiError error;

  ApiException(ApiError error) {
    super(error.message(), null, false, false);
    this.error = error;
  }

  ApiError error() {
    return error;
  }
}
