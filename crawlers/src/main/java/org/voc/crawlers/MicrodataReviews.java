package org.voc.crawlers;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * schema.org {@code Review} and {@code AggregateRating} in microdata: elements with {@code
 * itemscope} and an {@code itemtype} ending in {@code /Review}, their own {@code itemprop}s (not
 * those of scopes nested inside them, except {@code author} and {@code reviewRating}, read as
 * nested items), and the {@code name} of the item they review.
 */
final class MicrodataReviews {

  private MicrodataReviews() {}

  static List<FoundText> read(org.jsoup.nodes.Document page, URI url, Map<String, String> aggregate) {
    for (Element rating : page.select("[itemscope][itemtype$=/AggregateRating]")) {
      ReviewPage.putIfPresent(aggregate, "aggregateRating", prop(rating, "ratingValue"));
      ReviewPage.putIfPresent(aggregate, "aggregateBestRating", prop(rating, "bestRating"));
      ReviewPage.putIfPresent(aggregate, "reviewCount", prop(rating, "reviewCount") != null
          ? prop(rating, "reviewCount") : prop(rating, "ratingCount"));
    }
    List<FoundText> reviews = new ArrayList<>();
    for (Element review : page.select("[itemscope][itemtype$=/Review]")) {
      String text = prop(review, "reviewBody");
      if (text == null) {
        text = prop(review, "description");
      }
      if (text == null) {
        continue;
      }
      Element author = item(review, "author");
      Element rating = item(review, "reviewRating");
      Double value = rating == null ? null : ReviewPage.number(prop(rating, "ratingValue"));
      Double best = rating == null ? null : ReviewPage.number(prop(rating, "bestRating"));
      Element owner = review.parent() == null ? null : review.parent().closest("[itemscope]");
      reviews.add(new FoundText(FoundText.keyOf(url.toString(), text), text, prop(review, "name"),
          author == null ? null : (author.hasAttr("itemscope") && prop(author, "name") != null ? prop(author, "name") : value(author)),
          Dates.toIsoInstant(prop(review, "datePublished")), value, value == null ? null : (best != null ? best : 5.0),
          owner == null ? null : prop(owner, "name"), url.toString(), Map.of()));
    }
    return reviews;
  }

  /** The first element carrying {@code name} whose nearest enclosing scope is {@code scope}. */
  private static Element item(Element scope, String name) {
    for (Element element : scope.select("[itemprop]")) {
      if (List.of(element.attr("itemprop").split("\\s+")).contains(name) && owner(element) == scope) {
        return element;
      }
    }
    return null;
  }

  private static Element owner(Element element) {
    return element.parent() == null ? null : element.parent().closest("[itemscope]");
  }

  private static String prop(Element scope, String name) {
    Element element = item(scope, name);
    return element == null ? null : value(element);
  }

  /** A property's value as microdata defines it: {@code content}, {@code datetime}, a link, or the text. */
  private static String value(Element element) {
    for (String attribute : List.of("content", "datetime", "value")) {
      if (element.hasAttr(attribute)) {
        return element.attr(attribute).strip();
      }
    }
    if (element.hasAttr("href")) {
      return element.absUrl("href");
    }
    String text = element.text().strip();
    return text.isEmpty() ? null : text;
  }
}
