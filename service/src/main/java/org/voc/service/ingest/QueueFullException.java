package org.voc.service.ingest;

/** The analysis queue cannot take a request's documents now; the client should retry later. */
public class QueueFullException extends Exception {

  private final int retryAfterSeconds;

  public QueueFullException(String message, int retryAfterSeconds) {
    super(message);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
