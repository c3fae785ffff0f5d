package org.voc.service.ingest;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What happened to one posted document. */
public enum IngestStatus {
  /** New: accepted, durable, to be analyzed. */
  CREATED,
  /** Known source and id with different content: accepted and replacing the old version. */
  UPDATED,
  /** Known source and id with the same content: nothing to do (a retry). */
  DUPLICATE,
  /** Invalid: not accepted; the reason says why. */
  REJECTED;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
