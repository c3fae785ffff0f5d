package org.voc.index;

/** A search the index refuses to run, with the request parameter at fault. */
public class InvalidQueryException extends IllegalArgumentException {

  private final String field;

  public InvalidQueryException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The request parameter at fault ({@code q}, {@code cursor}, ...). */
  public String field() {
    return field;
  }
}
