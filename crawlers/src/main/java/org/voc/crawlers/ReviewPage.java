package org.voc.crawlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * The reviews on one HTML page, parsed with jsoup (which builds a tree and runs nothing): schema.org
 * {@code Review}s in JSON-LD ({@code Review} objects, a {@code Product}'s {@code review} list,
 * {@code @graph}), then in microdata ({@code itemtype=".../Review"}); only when neither has any, the
 * source's CSS selectors. An {@code AggregateRating} on the page goes into each review's metadata.
 * The next page is the source's {@code next} selector, else {@code rel=next}.
 */
record ReviewPage(List<FoundText> reviews, URI next, String format) {

  static ReviewPage read(byte[] body, URI url, CrawlSource.Selectors selectors) throws IOException {
    org.jsoup.nodes.Document page = Jsoup.parse(new java.io.ByteArrayInputStream(body), null, url.toString());
    Map<String, String> aggregate = new LinkedHashMap<>();
    List<FoundText> reviews = JsonLdReviews.read(page, url, aggregate);
    String format = "json-ld";
    if (reviews.isEmpty()) {
      reviews = MicrodataReviews.read(page, url, aggregate);
      format = "microdata";
    }
    if (reviews.isEmpty() && selectors.forReviews()) {
      reviews = selectorReviews(page, url, selectors);
      format = "selectors";
    }
    if (!aggregate.isEmpty()) {
      reviews = reviews.stream().map(r -> withMetadata(r, aggregate)).toList();
    }
    return new ReviewPage(reviews, next(page, selectors), reviews.isEmpty() ? "none" : format);
  }

  private static FoundText withMetadata(FoundText review, Map<String, String> extra) {
    Map<String, String> metadata = new LinkedHashMap<>(review.metadata());
    extra.forEach(metadata::putIfAbsent);
    return new FoundText(review.key(), review.text(), review.title(), review.author(), review.createdAt(),
        review.rating(), review.ratingMax(), review.product(), review.url(), metadata);
  }

  private static List<FoundText> selectorReviews(org.jsoup.nodes.Document page, URI url,
      CrawlSource.Selectors selectors) {
    List<FoundText> reviews = new ArrayList<>();
    for (Element review : page.select(selectors.review())) {
      String text = first(review, selectors.text());
      if (text == null) {
        continue;
      }
      String rating = first(review, selectors.rating());
      String date = first(review, selectors.date());
      reviews.add(new FoundText(FoundText.keyOf(url.toString(), text), text, first(review, selectors.title()),
          first(review, selectors.author()), Dates.toIsoInstant(date), number(rating), null, null, url.toString(),
          Map.of()));
    }
    return reviews;
  }

  /** The text of the first match (its {@code content} or {@code datetime} attribute if it has one). */
  private static String first(Element scope, String selector) {
    if (selector == null) {
      return null;
    }
    Element element = scope.selectFirst(selector);
    if (element == null) {
      return null;
    }
    for (String attribute : List.of("content", "datetime")) {
      if (element.hasAttr(attribute) && !element.attr(attribute).isBlank()) {
        return element.attr(attribute).strip();
      }
    }
    String text = element.wholeText().strip();
    return text.isEmpty() ? null : text;
  }

  private static URI next(org.jsoup.nodes.Document page, CrawlSource.Selectors selectors) {
    Element link = selectors.next() != null ? page.selectFirst(selectors.next()) : null;
    if (link == null) {
      link = page.selectFirst("link[rel~=(?i)^next$], a[rel~=(?i)^next$]");
    }
    String href = link == null ? "" : link.absUrl("href");
    try {
      return href.isBlank() ? null : URI.create(href);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** A number out of "4.5", "4,5" or "Rated 4 out of 5"; null when there is none. */
  static Double number(String text) {
    if (text == null) {
      return null;
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d+(?:[.,]\\d+)?").matcher(text);
    return m.find() ? Double.valueOf(m.group().replace(',', '.')) : null;
  }

  /** JSON-LD blocks; a block that is not valid JSON is skipped. */
  static final class JsonLdReviews {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DEPTH = 12;

    private JsonLdReviews() {}

    static List<FoundText> read(org.jsoup.nodes.Document page, URI url, Map<String, String> aggregate) {
      Map<String, FoundText> reviews = new LinkedHashMap<>();
      for (Element script : page.select("script[type=application/ld+json]")) {
        try {
          walk(JSON.readTree(script.data()), null, url, reviews, aggregate, 0);
        } catch (IOException e) {
          // markup errors on someone's page are theirs; the other blocks still count
        }
      }
      return List.copyOf(reviews.values());
    }

    private static void walk(JsonNode node, String itemName, URI url, Map<String, FoundText> reviews,
        Map<String, String> aggregate, int depth) {
      if (node == null || depth > MAX_DEPTH) {
        return;
      }
      if (node.isArray()) {
        node.forEach(child -> walk(child, itemName, url, reviews, aggregate, depth + 1));
        return;
      }
      if (!node.isObject()) {
        return;
      }
      String name = text(node.get("name"));
      if (isType(node, "Review")) {
        FoundText review = review(node, itemName, url);
        if (review != null) {
          reviews.putIfAbsent(review.key(), review);
        }
      }
      if (isType(node, "AggregateRating")) {
        aggregate(node, aggregate);
      }
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String key = field.getKey();
        if (key.equals("aggregateRating")) {
          aggregate(field.getValue(), aggregate);
        } else if (!key.equals("itemReviewed") && (field.getValue().isContainerNode())) {
          walk(field.getValue(), key.equals("review") || key.equals("reviews") ? name : itemName, url, reviews,
              aggregate, depth + 1);
        }
      }
    }

    private static FoundText review(JsonNode node, String itemName, URI url) {
      String text = text(node.get("reviewBody"));
      if (text == null) {
        text = text(node.get("description"));
      }
      if (text == null) {
        return null;
      }
      JsonNode rating = node.path("reviewRating");
      Double value = number(text(rating.get("ratingValue")));
      Double best = number(text(rating.get("bestRating")));
      String product = text(node.path("itemReviewed").get("name"));
      String id = text(node.get("@id"));
      String own = text(node.get("url"));
      String key = id != null ? url.resolve(id).toString() : own != null ? url.resolve(own).toString()
          : FoundText.keyOf(url.toString(), text);
      return new FoundText(key, text, text(node.get("name")) != null ? text(node.get("name")) : text(node.get("headline")),
          author(node.get("author")), Dates.toIsoInstant(text(node.get("datePublished")) != null
              ? text(node.get("datePublished")) : text(node.get("dateCreated"))),
          value, value == null ? null : (best != null ? best : 5.0), product != null ? product : itemName,
          url.toString(), Map.of());
    }

    private static void aggregate(JsonNode node, Map<String, String> aggregate) {
      putIfPresent(aggregate, "aggregateRating", text(node.get("ratingValue")));
      putIfPresent(aggregate, "aggregateBestRating", text(node.get("bestRating")));
      putIfPresent(aggregate, "reviewCount", text(node.get("reviewCount")) != null ? text(node.get("reviewCount"))
          : text(node.get("ratingCount")));
    }

    private static String author(JsonNode author) {
      if (author == null) {
        return null;
      }
      if (author.isArray()) {
        return author.isEmpty() ? null : author(author.get(0));
      }
      return author.isObject() ? text(author.get("name")) : text(author);
    }

    private static boolean isType(JsonNode node, String type) {
      JsonNode types = node.get("@type");
      if (types == null) {
        return false;
      }
      for (JsonNode t : types.isArray() ? types : List.of(types)) {
        String value = t.asText();
        if (value.equals(type) || value.endsWith("/" + type) || value.endsWith(":" + type)) {
          return true;
        }
      }
      return false;
    }

    private static String text(JsonNode node) {
      if (node == null || !(node.isTextual() || node.isNumber())) {
        return null;
      }
      String text = node.asText().strip();
      return text.isEmpty() ? null : text;
    }
  }

  static void putIfPresent(Map<String, String> map, String key, String value) {
    if (value != null) {
      map.putIfAbsent(key, value);
    }
  }
}
