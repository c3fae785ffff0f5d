package org.voc.nlp;

import java.util.Objects;

/** Identifies a stored document: the client's source and id. */
public record DocumentKey(String source, String id) {

  public DocumentKey {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(id, "id");
  }

  /** One string for indexing; the NUL separator cannot occur in a validated source or id. */
  public String encoded() {
    return source + '\u0000' + id;
  }
}
