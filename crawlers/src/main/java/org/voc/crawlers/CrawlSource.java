package org.voc.crawlers;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One entry of {@code crawler.sources}: where to start, what it is ({@code feed}, {@code sitemap},
 * {@code page}, or {@code auto}: told by the answer), what the documents found are ({@code kind},
 * {@code brand}, {@code product}, {@code source}), how many pages of pagination to follow ({@code
 * depth}), how many sitemap URLs to visit ({@code maxPages}), and CSS {@code selectors} for sites
 * without schema.org markup.
 */
public record CrawlSource(
    URI url,
    String type,
    String source,
    String kind,
    String brand,
    String product,
    int depth,
    int maxPages,
    Selectors selectors) {

  private static final Set<String> KEYS = Set.of("url", "type", "source", "kind", "brand", "product", "depth",
      "maxPages", "selectors");
  private static final Set<String> TYPES = Set.of("auto", "feed", "sitemap", "page");

  /**
   * CSS selectors, each relative to {@code review} (one element per review): {@code text} is
   * required with {@code review}; {@code next} (the link to the next page) is relative to the page.
   */
  public record Selectors(String review, String text, String title, String author, String rating, String date,
      String next) {

    static final Set<String> KEYS = Set.of("review", "text", "title", "author", "rating", "date", "next");
    static final Selectors NONE = new Selectors(null, null, null, null, null, null, null);

    boolean forReviews() {
      return review != null && text != null;
    }
  }

  /** Reads the {@code index}-th source; a wrong key or value is an {@link IllegalArgumentException} naming it. */
  public static CrawlSource parse(Map<String, Object> map, int index) {
    String at = "crawler.sources[" + index + "]";
    for (String key : map.keySet()) {
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException(at + ": unknown key '" + key + "'; known: " + String.join(", ", List.copyOf(new java.util.TreeSet<>(KEYS))));
      }
    }
    String url = string(map, "url", at);
    if (url == null) {
      throw new IllegalArgumentException(at + ": url is required");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(at + ".url: " + e.getMessage());
    }
    String type = orDefault(string(map, "type", at), "auto").toLowerCase(Locale.ROOT);
    if (!TYPES.contains(type)) {
      throw new IllegalArgumentException(at + ".type must be auto, feed, sitemap or page, not '" + type + "'");
    }
    String kind = string(map, "kind", at);
    if (kind != null && !Set.of("review", "ticket", "post").contains(kind)) {
      throw new IllegalArgumentException(at + ".kind must be review, ticket or post, not '" + kind + "'");
    }
    return new CrawlSource(uri, type, orDefault(string(map, "source", at), "web"), kind, string(map, "brand", at),
        string(map, "product", at), number(map, "depth", 3, at), number(map, "maxPages", 200, at), selectors(map, at));
  }

  private static Selectors selectors(Map<String, Object> map, String at) {
    Object value = map.get("selectors");
    if (value == null) {
      return Selectors.NONE;
    }
    if (!(value instanceof Map<?, ?> selectors)) {
      throw new IllegalArgumentException(at + ".selectors must be a map of CSS selectors");
    }
    for (Object key : selectors.keySet()) {
      if (!Selectors.KEYS.contains(String.valueOf(key))) {
        throw new IllegalArgumentException(at + ".selectors: unknown key '" + key + "'; known: review, text, title, author, rating, date, next");
      }
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> s = (Map<String, Object>) selectors;
    String where = at + ".selectors";
    Selectors result = new Selectors(string(s, "review", where), string(s, "text", where), string(s, "title", where),
        string(s, "author", where), string(s, "rating", where), string(s, "date", where), string(s, "next", where));
    if (result.review() != null && result.text() == null) {
      throw new IllegalArgumentException(where + ": review needs text (the selector of each review's text)");
    }
    return result;
  }

  private static String string(Map<String, Object> map, String key, String at) {
    Object value = map.get(key);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text) || text.isBlank()) {
      throw new IllegalArgumentException(at + "." + key + " must be a non-empty string");
    }
    return text.strip();
  }

  private static int number(Map<String, Object> map, String key, int fallback, String at) {
    Object value = map.get(key);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Number n) || n.intValue() < 1) {
      throw new IllegalArgumentException(at + "." + key + " must be a positive number");
    }
    return n.intValue();
  }

  private static String orDefault(String value, String fallback) {
    return value == null ? fallback : value;
  }
}
