package org.voc.service.http;

import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.voc.index.DocumentIndex;
import org.voc.index.Insights;
import org.voc.index.SearchRequest;
import org.voc.index.SentimentStatistics;
import org.voc.nlp.BrandDefinition;
import org.voc.nlp.Taxonomy;
import org.voc.service.config.TaxonomyStore;

/**
 * {@code GET /v1/compare}: brands side by side over the documents that match the filters: volume,
 * share of voice, sentiment, net sentiment with a 95 % confidence interval, per-theme breakdown,
 * weekly trend, documents per classifier label and urgency level, and which pairs differ
 * significantly (Welch's t-test on the per-document scores +1 / 0 / -1, Holm-Bonferroni over the
 * pairs, alpha 0.05). With {@code theme}, only documents
 * about that theme count, and the sentiment is the one about that theme.
 */
record CompareHandler(DocumentIndex index, TaxonomyStore taxonomy) {

  static final double LEVEL = 0.95;
  static final double ALPHA = 0.05;

  private static final Set<String> PARAMS = Set.of("brands", "theme", "q", "kind", "source",
      "sentiment", "from", "to", "minRating", "maxRating", "urgency", "class", "classifier");

  void compare(RoutingContext ctx) {
    FilterParams.checkKnown(ctx, PARAMS);
    Set<String> requested = Params.set(ctx, "brands", v -> v);
    String theme = Params.string(ctx, "theme");
    if (theme != null && theme.isBlank()) {
      throw Params.invalid("theme", "theme must not be empty");
    }
    SearchRequest.Builder filters = FilterParams.filters(ctx);
    String classifier = FilterParams.classifier(ctx);
    ThemesHandler.answer(ctx, () -> {
      List<String> brands = brands(requested, filters.build());
      SearchRequest request = filters.brands(Set.copyOf(brands))
          .themes(theme == null ? Set.of() : Set.of(theme)).build();
      return comparison(brands, theme, classifier, index.insights(request));
    });
  }

  /** The requested brands, checked against the known ones; none requested: every known brand. */
  private List<String> brands(Set<String> requested, SearchRequest filters) throws IOException {
    Taxonomy current = taxonomy.current();
    List<String> known = current.brands().stream().map(BrandDefinition::name).toList();
    if (known.isEmpty()) {
      // No brands configured: the brands the documents carry are the known ones.
      known = index.insights(filters).brands().stream().map(Insights.Group::name).toList();
    }
    if (requested.isEmpty()) {
      return known;
    }
    for (String brand : requested) {
      if (!known.contains(brand)) {
        throw new ApiException(ApiError.badRequest("unknown_brand", "unknown brand '" + brand
            + "'; known: " + String.join(", ", known), "brands"));
      }
    }
    return List.copyOf(new LinkedHashSet<>(requested));
  }

  private Map<String, Object> comparison(List<String> brands, String theme, String classifier, Insights insights) {
    Map<String, Insights.Group> found = new LinkedHashMap<>();
    ThemesHandler.onlyClassifier(insights.brands(), classifier).forEach(group -> found.put(group.name(), group));
    Map<String, Insights.SentimentCounts> counts = new LinkedHashMap<>();
    for (String brand : brands) {
      counts.put(brand, sentiment(found.get(brand), theme));
    }
    long voice = counts.values().stream().mapToLong(Insights.SentimentCounts::total).sum();
    Set<String> own = new LinkedHashSet<>();
    taxonomy.current().brands().stream().filter(BrandDefinition::own).forEach(b -> own.add(b.name()));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String brand : brands) {
      Insights.Group group = found.get(brand);
      Insights.SentimentCounts sentiment = counts.get(brand);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", brand);
      row.put("own", own.contains(brand));
      row.put("volume", sentiment.total());
      row.put("shareOfVoice", voice == 0 ? 0 : sentiment.total() / (double) voice);
      row.put("sentiment", sentiment);
      row.put("netSentiment", SentimentStatistics.netSentiment(sentiment, LEVEL));
      row.put("themes", group == null ? List.of() : group.themes());
      row.put("trend", group == null ? List.of() : group.trend());
      row.put("examples", group == null ? List.of() : group.examples());
      if (group != null && group.classifications() != null) {
        row.put("classifications", group.classifications());
      }
      if (group != null && group.urgency() != null) {
        row.put("urgency", group.urgency());
      }
      rows.add(row);
    }
    Map<String, Object> significance = new LinkedHashMap<>();
    significance.put("test", SentimentStatistics.TEST);
    significance.put("correction", SentimentStatistics.CORRECTION);
    significance.put("alpha", ALPHA);
    significance.put("pairs", SentimentStatistics.pairwise(counts, ALPHA));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("total", insights.total());
    if (theme != null) {
      body.put("theme", theme);
    }
    body.put("brands", rows);
    body.put("significance", significance);
    return body;
  }

  /** The brand's sentiment counts: toward the brand, or with a theme, about that theme. */
  private static Insights.SentimentCounts sentiment(Insights.Group group, String theme) {
    if (group == null) {
      return new Insights.SentimentCounts(0, 0, 0);
    }
    if (theme == null) {
      return group.sentiment();
    }
    return group.themes().stream().filter(t -> t.name().equals(theme)).findFirst()
        .map(Insights.Group::sentiment).orElse(new Insights.SentimentCounts(0, 0, 0));
  }
}
