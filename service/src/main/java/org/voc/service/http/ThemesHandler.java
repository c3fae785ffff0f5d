package org.voc.service.http;

import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.voc.index.DocumentIndex;
import org.voc.index.Insights;
import org.voc.index.SearchRequest;
import org.voc.index.ThemeDiscovery;
import org.voc.nlp.ThemeDefinition;
import org.voc.service.config.TaxonomyStore;

/**
 * {@code GET /v1/themes}: the themes of the documents that match the search filters, with volume,
 * share, sentiment, net sentiment, weekly trend, top key phrases, example documents and the
 * documents per classifier label and urgency level ({@code classifier=NAME}: that classifier's
 * labels only); taxonomy themes no matching document is about are listed with volume 0. {@code
 * discover=true} adds proposals for new themes, clustered from the documents that have none.
 */
record ThemesHandler(DocumentIndex index, TaxonomyStore taxonomy) {

  private static final Set<String> PARAMS = FilterParams.with("discover", "classifier");

  void themes(RoutingContext ctx) {
    FilterParams.checkKnown(ctx, PARAMS);
    SearchRequest request = FilterParams.filters(ctx).build();
    boolean discover = Params.bool(ctx, "discover");
    String classifier = FilterParams.classifier(ctx);
    answer(ctx, () -> {
      Insights insights = index.insights(request);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("total", insights.total());
      body.put("themes", withTaxonomyThemes(onlyClassifier(insights.themes(), classifier), request.themes()));
      if (discover) {
        body.put("discovered", ThemeDiscovery.discover(index, request));
      }
      return body;
    });
  }

  /** {@code found}, then the taxonomy's other themes (those the filter allows) with volume 0. */
  private List<Insights.Group> withTaxonomyThemes(List<Insights.Group> found, Set<String> filter) {
    List<Insights.Group> all = new ArrayList<>(found);
    Set<String> names = new HashSet<>();
    found.forEach(group -> names.add(group.name()));
    for (ThemeDefinition theme : taxonomy.current().themes()) {
      if (!names.contains(theme.name()) && (filter.isEmpty() || filter.contains(theme.name()))) {
        all.add(new Insights.Group(theme.name(), 0, 0, new Insights.SentimentCounts(0, 0, 0), 0,
            List.of(), List.of(), List.of(), null));
      }
    }
    return all;
  }

  /** {@code groups} with only {@code classifier}'s labels in their breakdowns; null: all of them. */
  static List<Insights.Group> onlyClassifier(List<Insights.Group> groups, String classifier) {
    return classifier == null ? groups : groups.stream().map(g -> g.onlyClassifier(classifier)).toList();
  }

  /** Runs {@code work} off the event loop and answers with its result; bad queries are 400s. */
  static void answer(RoutingContext ctx, Callable<Object> work) {
    ctx.vertx().executeBlocking(work, false)
        .onSuccess(result -> Responses.json(ctx, 200, result))
        .onFailure(failure -> Responses.failed(ctx, failure));
  }
}
