package org.voc.service.http;

import io.vertx.ext.web.RoutingContext;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.voc.index.SearchRequest;
import org.voc.nlp.DocumentKind;
import org.voc.nlp.SentimentLabel;

/**
 * The filter parameters that {@code /v1/search}, {@code /v1/themes} and {@code /v1/compare} share:
 * {@code q}, {@code kind}, {@code source}, {@code brand}, {@code theme}, {@code sentiment}, {@code
 * from}, {@code to}, {@code minRating}, {@code maxRating}, {@code urgency} ({@code low}, {@code
 * normal}, {@code high}) and {@code class} ({@code NAME:LABEL}, e.g. {@code intent:card_arrival},
 * or {@code NAME:?uncertain}; one per parameter, not comma-separated, as labels may hold commas;
 * repeated: any of the labels of one classifier, and every classifier named).
 */
final class FilterParams {

  static final List<String> NAMES = List.of("q", "kind", "source", "brand", "theme", "sentiment",
      "from", "to", "minRating", "maxRating", "urgency", "class");

  private static final Set<String> URGENCY_LEVELS = Set.of("low", "normal", "high");
  private static final int MAX_CLASS_CHARS = 200;

  private FilterParams() {}

  /** The filter names and {@code more}. */
  static Set<String> with(String... more) {
    Set<String> names = new HashSet<>(NAMES);
    names.addAll(List.of(more));
    return Set.copyOf(names);
  }

  /** Fails with a 400 naming the first parameter that is not in {@code known}. */
  static void checkKnown(RoutingContext ctx, Set<String> known) {
    for (String name : ctx.queryParams().names()) {
      if (!known.contains(name)) {
        throw Params.invalid(name, "unknown parameter '" + name + "'; known: " + String.join(", ",
            known.stream().sorted().toList()));
      }
    }
  }

  /** A request builder with the filters of the query string set (those not given stay empty). */
  static SearchRequest.Builder filters(RoutingContext ctx) {
    return SearchRequest.builder()
        .query(Params.string(ctx, "q"))
        .kinds(Params.set(ctx, "kind", v -> DocumentKind.parse(v).orElseThrow(
            () -> Params.invalid("kind", "kind must be review, ticket or post, not '" + v + "'"))))
        .sources(Params.set(ctx, "source", v -> v))
        .brands(Params.set(ctx, "brand", v -> v))
        .themes(Params.set(ctx, "theme", v -> v))
        .sentiments(Params.set(ctx, "sentiment", v -> SentimentLabel.parse(v).orElseThrow(
            () -> Params.invalid("sentiment", "sentiment must be negative, neutral or positive, not '" + v + "'"))))
        .from(Params.instant(ctx, "from", false))
        .to(Params.instant(ctx, "to", true))
        .minRating(Params.number(ctx, "minRating"))
        .maxRating(Params.number(ctx, "maxRating"))
        .urgencies(Params.set(ctx, "urgency", v -> {
          if (!URGENCY_LEVELS.contains(v)) {
            throw Params.invalid("urgency", "urgency must be low, normal or high, not '" + v + "'");
          }
          return v;
        }))
        .classifications(classifications(ctx));
  }

  /**
   * The {@code classifier} parameter of {@code /v1/themes} and {@code /v1/compare}: the one
   * classifier whose labels the breakdowns list (null: every classifier).
   */
  static String classifier(RoutingContext ctx) {
    String name = Params.string(ctx, "classifier");
    if (name != null && (name.isBlank() || name.length() > MAX_CLASS_CHARS || name.indexOf(':') >= 0
        || name.chars().anyMatch(Character::isISOControl))) {
      throw Params.invalid("classifier", "classifier must be a classifier name (e.g. intent, at most "
          + MAX_CLASS_CHARS + " characters, no ':'), not '" + name + "'");
    }
    return name;
  }

  /** The {@code class} values, each {@code NAME:LABEL} with a non-empty name and label. */
  private static Set<String> classifications(RoutingContext ctx) {
    Set<String> values = new LinkedHashSet<>();
    for (String value : ctx.queryParam("class")) {
      int colon = value.indexOf(':');
      if (colon < 1 || colon == value.length() - 1 || value.length() > MAX_CLASS_CHARS
          || value.chars().anyMatch(Character::isISOControl)) {
        throw Params.invalid("class", "class must be NAME:LABEL (e.g. intent:card_arrival, at most "
            + MAX_CLASS_CHARS + " characters), not '" + value + "'");
      }
      values.add(value);
    }
    return values;
  }
}
