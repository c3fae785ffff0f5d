package org.voc.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.voc.nlp.Analysis;
import org.voc.nlp.BrandMention;
import org.voc.nlp.SentenceAnalysis;
import org.voc.nlp.SentimentLabel;
import org.voc.nlp.TextSpan;
import org.voc.nlp.ThemeMatch;

/**
 * Runs {@link DocumentIndex#insights}: one pass of {@link InsightsCollector} over the documents
 * that match the request's keywords and filters, then the few example documents loaded for their
 * snippets. Thread-safe.
 */
final class InsightsSearch {

  /** Example documents per theme and per brand. */
  static final int EXAMPLES = 3;

  /** Key phrases listed per theme and per brand. */
  static final int KEY_PHRASES = 10;

  /** Labels listed per classifier, per theme and per brand. */
  static final int TOP_LABELS = 5;

  /** Urgency levels, most urgent first: the order a breakdown lists them in. */
  private static final List<String> URGENCY_LEVELS = List.of("high", "normal", "low");

  private static final Comparator<GroupAccumulator> LARGEST_FIRST =
      Comparator.comparingLong(GroupAccumulator::volume).reversed()
          .thenComparing(group -> group.name);

  private final KeywordQueryParser parser;
  private final Executor slices;

  /** {@code slices} runs the slices of a large index in parallel (Lucene's default slicing). */
  InsightsSearch(Analyzer analyzer, QueryLimits limits, Executor slices) {
    this.parser = new KeywordQueryParser(analyzer, limits);
    this.slices = slices;
  }

  Insights run(IndexSearcher searcher, SearchRequest request) throws IOException {
    Query query = SearchFilters.restrict(parser.parse(request.query()), SearchFilters.of(request));
    InsightsCollector.Counted counted = sliced(searcher, slices).search(query, InsightsCollector.manager(EXAMPLES));
    Examples examples = new Examples(searcher);
    List<Insights.Group> themes = new ArrayList<>();
    for (GroupAccumulator theme : sorted(counted.themes())) {
      themes.add(group(theme, share(theme.volume(), counted.total()), counted,
          examples.of(theme, true), null));
    }
    long brandVolume = counted.brands().values().stream().mapToLong(GroupAccumulator::volume).sum();
    List<Insights.Group> brands = new ArrayList<>();
    for (GroupAccumulator brand : sorted(counted.brands())) {
      brands.add(group(brand, share(brand.volume(), brandVolume), counted,
          examples.of(brand, false), perTheme(brand)));
    }
    return new Insights(counted.total(), themes, brands);
  }

  private static List<GroupAccumulator> sorted(Map<String, GroupAccumulator> groups) {
    return groups.values().stream().filter(g -> g.volume() > 0).sorted(LARGEST_FIRST).toList();
  }

  private static Insights.Group group(GroupAccumulator group, double share, InsightsCollector.Counted counted,
      List<Insights.Example> examples, List<Insights.Group> themes) {
    Insights.SentimentCounts sentiment = group.sentiment();
    return new Insights.Group(group.name, group.volume(), share, sentiment, sentiment.net(),
        group.trend(MatchSummaryCollector.MAX_WEEKS), group.topPhrases(KEY_PHRASES, counted.phrases()), examples,
        themes, byClassifier(group, counted.classifications()), byUrgency(group, counted.urgencies()));
  }

  /**
   * The group's top labels per classifier (largest first, ties by label; classifiers by name), or
   * null when none; {@code values} names the ids, {@code name:label}.
   */
  private static Map<String, List<Insights.LabelCount>> byClassifier(GroupAccumulator group, List<String> values) {
    Map<String, List<Insights.LabelCount>> all = new TreeMap<>();
    for (int id = 0; id < group.classifications.size(); id++) {
      Insights.SentimentCounts counts = group.classifications.of(id);
      if (counts.total() > 0) {
        String value = values.get(id);
        int colon = value.indexOf(':');
        if (colon < 0) {
          continue;
        }
        all.computeIfAbsent(value.substring(0, colon), c -> new ArrayList<>()).add(new Insights.LabelCount(
            value.substring(colon + 1), counts.total(), share(counts.total(), group.volume()), counts.net()));
      }
    }
    if (all.isEmpty()) {
      return null;
    }
    Map<String, List<Insights.LabelCount>> top = new LinkedHashMap<>();
    all.forEach((classifier, labels) -> top.put(classifier, labels.stream()
        .sorted(Comparator.comparingLong(Insights.LabelCount::count).reversed()
            .thenComparing(Insights.LabelCount::label))
        .limit(TOP_LABELS).toList()));
    return top;
  }

  /** The group's documents per urgency level, most urgent first (other values after, by name), or null when none. */
  private static Map<String, Long> byUrgency(GroupAccumulator group, List<String> levels) {
    Map<String, Long> found = new TreeMap<>();
    for (int id = 0; id < group.urgencies.size(); id++) {
      long count = group.urgencies.of(id).total();
      if (count > 0) {
        found.put(levels.get(id), count);
      }
    }
    if (found.isEmpty()) {
      return null;
    }
    Map<String, Long> ordered = new LinkedHashMap<>();
    URGENCY_LEVELS.stream().filter(found::containsKey).forEach(level -> ordered.put(level, found.get(level)));
    ordered.putAll(found);
    return ordered;
  }

  /** The brand's documents per theme: largest first, ties by name. */
  private static List<Insights.Group> perTheme(GroupAccumulator brand) {
    long volume = brand.volume();
    return brand.themes().entrySet().stream()
        .map(e -> {
          Insights.SentimentCounts counts = GroupAccumulator.counts(e.getValue());
          return new Insights.Group(e.getKey(), counts.total(), share(counts.total(), volume), counts,
              counts.net(), null, null, null, null);
        })
        .sorted(Comparator.comparingLong(Insights.Group::volume).reversed()
            .thenComparing(Insights.Group::name))
        .toList();
  }

  /** {@code searcher}'s reader and query cache, searched in slices run on {@code slices}. */
  static IndexSearcher sliced(IndexSearcher searcher, Executor slices) {
    IndexSearcher parallel = new SlicedSearcher(searcher.getIndexReader(), slices);
    parallel.setQueryCache(searcher.getQueryCache());
    parallel.setQueryCachingPolicy(searcher.getQueryCachingPolicy());
    return parallel;
  }

  /**
   * A searcher that splits the index into one slice per thread, about even in documents; a large
   * segment is split into partitions of documents, so even a single-segment index is counted in
   * parallel.
   */
  private static final class SlicedSearcher extends IndexSearcher {
    private static final int THREADS = Runtime.getRuntime().availableProcessors();

    SlicedSearcher(IndexReader reader, Executor executor) {
      super(reader, executor);
    }

    @Override
    protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
      int docs = leaves.stream().mapToInt(leaf -> leaf.reader().maxDoc()).sum();
      return slices(leaves, Math.max(1, docs / THREADS + 1),
          Math.max(1, (leaves.size() + THREADS - 1) / THREADS), true);
    }
  }

  static double share(long part, long whole) {
    return whole == 0 ? 0 : part / (double) whole;
  }

  /** Loads example documents once each and cuts their snippets. */
  private static final class Examples {
    private final IndexSearcher searcher;
    private final Map<Integer, IndexedDocument> loaded = new HashMap<>();

    Examples(IndexSearcher searcher) {
      this.searcher = searcher;
    }

    List<Insights.Example> of(GroupAccumulator group, boolean theme) throws IOException {
      List<Insights.Example> examples = new ArrayList<>();
      for (int doc : group.recentDocs()) {
        IndexedDocument indexed = load(doc);
        String snippet = theme ? themeSnippet(indexed, group.name) : brandSnippet(indexed, group.name);
        SentimentLabel label = indexed.analysis().sentiment() == null
            ? null : indexed.analysis().sentiment().label();
        examples.add(new Insights.Example(indexed.document().source(), indexed.document().id(),
            indexed.document().createdAt(), label, snippet));
      }
      return examples;
    }

    private IndexedDocument load(int doc) throws IOException {
      IndexedDocument indexed = loaded.get(doc);
      if (indexed == null) {
        indexed = IndexSchema.fromStored(searcher.storedFields().document(doc, Set.of(IndexSchema.JSON)));
        loaded.put(doc, indexed);
      }
      return indexed;
    }
  }

  /** The theme's first evidence, else the opening of the text; HTML-escaped. */
  static String themeSnippet(IndexedDocument indexed, String theme) {
    for (ThemeMatch match : indexed.analysis().themes()) {
      if (match.name().equals(theme) && !match.evidence().isEmpty()) {
        String evidence = spanText(indexed.analysis(), match.evidence().getFirst());
        if (evidence != null && !evidence.isBlank()) {
          return Snippets.opening(evidence.strip());
        }
      }
    }
    return Snippets.opening(IndexSchema.textOf(indexed));
  }

  /** The sentence that first names the brand, else the opening of the text; HTML-escaped. */
  static String brandSnippet(IndexedDocument indexed, String brand) {
    Analysis analysis = indexed.analysis();
    for (BrandMention mention : analysis.brands()) {
      if (mention.name().equals(brand) && !mention.mentions().isEmpty()) {
        int at = mention.mentions().getFirst().start();
        for (SentenceAnalysis sentence : analysis.sentences()) {
          if (sentence.start() <= at && at < sentence.end() && sentence.text() != null) {
            return Snippets.opening(sentence.text().strip());
          }
        }
      }
    }
    return Snippets.opening(IndexSchema.textOf(indexed));
  }

  private static String spanText(Analysis analysis, TextSpan span) {
    if (span.text() != null) {
      return span.text();
    }
    String text = analysis.text();
    return text != null && span.end() <= text.length() ? text.substring(span.start(), span.end()) : null;
  }
}
