package org.voc.nlp;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A customer text as a client sent it. {@code source} and {@code id} together are the idempotency
 * key. {@code text} may be plain text or HTML; the cleaned text lives in the {@link Analysis}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Document(
    String id,
    String source,
    DocumentKind kind,
    String text,
    String title,
    String author,
    Instant createdAt,
    Double rating,
    Double ratingMax,
    String brand,
    String product,
    String url,
    String lang,
    Map<String, String> metadata) {

  /** The scale a rating is read on when the source does not say. */
  public static final double DEFAULT_RATING_MAX = 5.0;

  public Document {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(createdAt, "createdAt");
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }

  /** A document with only the required fields, created now. */
  public static Document of(String source, String id, DocumentKind kind, String text, Instant at) {
    return new Document(id, source, kind, text, null, null, at, null, null, null, null, null, null, null);
  }

  /** The idempotency key: source and id, separated by a character neither may contain. */
  public DocumentKey key() {
    return new DocumentKey(source, id);
  }

  /** The rating on a 0-5 scale (the source's own scale given by {@code ratingMax}), or null. */
  public Double ratingOutOfFive() {
    if (rating == null) {
      return null;
    }
    double max = ratingMax == null ? DEFAULT_RATING_MAX : ratingMax;
    return rating * 5.0 / max;
  }
}
