package org.voc.crawlers;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * A customer text found on the web (a review, a feed entry), before it becomes a document: {@code
 * key} identifies it across runs (its own id or URL, else the page URL and a hash of its text).
 */
record FoundText(
    String key,
    String text,
    String title,
    String author,
    String createdAt,
    Double rating,
    Double ratingMax,
    String product,
    String url,
    Map<String, String> metadata) {

  FoundText {
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }

  /** The key for a text without an id of its own: where it was found and what it says. */
  static String keyOf(String pageUrl, String text) {
    return pageUrl + "#" + sha256(text).substring(0, 16);
  }

  /** The hash of what the document says, to recognise it again. */
  String contentHash() {
    return sha256(text + "\u0000" + title + "\u0000" + rating + "\u0000" + author);
  }

  /** The JSON of {@code POST /v1/documents} for this text from {@code source}. */
  ObjectNode toDocument(CrawlSource source, String defaultKind) {
    ObjectNode document = JsonNodeFactory.instance.objectNode();
    document.put("id", key.length() <= 256 ? key : "sha256-" + sha256(key));
    document.put("source", source.source());
    document.put("kind", source.kind() != null ? source.kind() : defaultKind);
    document.put("text", text);
    putIfPresent(document, "title", title);
    putIfPresent(document, "author", author);
    putIfPresent(document, "createdAt", createdAt);
    if (rating != null && ratingMax != null && ratingMax > 0 && rating >= 0 && rating <= ratingMax) {
      document.put("rating", rating);
      document.put("ratingMax", ratingMax);
    } else if (rating != null && ratingMax == null && rating >= 0 && rating <= 5) {
      document.put("rating", rating);
    }
    putIfPresent(document, "brand", source.brand());
    putIfPresent(document, "product", product != null ? product : source.product());
    putIfPresent(document, "url", url);
    if (!metadata.isEmpty()) {
      ObjectNode meta = document.putObject("metadata");
      metadata.forEach(meta::put);
    }
    return document;
  }

  private static void putIfPresent(ObjectNode document, String field, String value) {
    if (value != null && !value.isBlank()) {
      document.put(field, value.length() > 4096 ? value.substring(0, 4096) : value);
    }
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
