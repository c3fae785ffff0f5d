package org.voc.eval.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.VectorUtil;
import org.voc.index.LuceneDocumentIndex;
import org.voc.index.SearchRequest;
import org.voc.nlp.SentimentLabel;

/**
 * Search latency through {@link LuceneDocumentIndex#search} (what {@code /v1/search} runs) against
 * a raw Lucene query on the same index with the same terms, top 20: BM25 over the stemmed terms
 * (all must match), a k-nearest-neighbour query with voc's 200 candidates, both as SHOULD clauses
 * for hybrid, and the keyword query with the brand and sentiment as filter clauses for facets.
 * The raw baseline computes no facet counts, snippets or JSON: that is voc's overhead.
 */
final class SearchLatency {

  enum Kind { KEYWORD, SEMANTIC, HYBRID, FACETS }

  private static final int TOP = 20;
  private static final int CANDIDATES = 200;
  private static final String[] ADJECTIVES = {"", "terrible", "great", "broken", "okay"};

  private final LuceneDocumentIndex index;
  private final IndexSearcher raw;
  private final Analyzer english = new EnglishAnalyzer();
  private final List<Probe> probes = new ArrayList<>();

  private record Probe(String keywords, float[] vector, String brand, SentimentLabel sentiment) {}

  SearchLatency(LuceneDocumentIndex index, IndexSearcher raw, SyntheticCorpus corpus, int queries, long seed) {
    this.index = index;
    this.raw = raw;
    Random random = new Random(seed);
    for (int q = 0; q < queries; q++) {
      int theme = random.nextInt(SyntheticCorpus.THEMES.length);
      String[] words = SyntheticCorpus.THEMES[theme];
      String keywords = (words[1 + random.nextInt(words.length - 1)] + " " + ADJECTIVES[random.nextInt(ADJECTIVES.length)]).strip();
      probes.add(new Probe(keywords, corpus.queryVector(theme),
          SyntheticCorpus.BRANDS.get(random.nextInt(SyntheticCorpus.BRANDS.size())),
          SentimentLabel.values()[random.nextInt(3)]));
    }
  }

  /** p50 and p99 in ms of one pass over the queries: {voc p50, voc p99, raw p50, raw p99}. */
  double[] measure(Kind kind) throws Exception {
    double[] voc = new double[probes.size()];
    double[] lucene = new double[probes.size()];
    for (int i = 0; i < probes.size(); i++) {
      Probe probe = probes.get(i);
      SearchRequest request = request(kind, probe);
      Query query = rawQuery(kind, probe);
      voc[i] = Timings.millis(() -> index.search(request));
      lucene[i] = Timings.millis(() -> raw.search(query, TOP));
    }
    return new double[] {Timings.percentile(voc, 50), Timings.percentile(voc, 99),
        Timings.percentile(lucene, 50), Timings.percentile(lucene, 99)};
  }

  private static SearchRequest request(Kind kind, Probe probe) {
    SearchRequest.Builder builder = SearchRequest.builder().limit(TOP);
    switch (kind) {
      case KEYWORD -> builder.query(probe.keywords());
      case SEMANTIC -> builder.mode(SearchRequest.Mode.SEMANTIC).queryVector(probe.vector());
      case HYBRID -> builder.mode(SearchRequest.Mode.HYBRID).query(probe.keywords()).queryVector(probe.vector());
      case FACETS -> builder.query(probe.keywords()).brands(Set.of(probe.brand())).sentiments(Set.of(probe.sentiment()));
    }
    return builder.build();
  }

  private Query rawQuery(Kind kind, Probe probe) {
    return switch (kind) {
      case KEYWORD -> keywords(probe.keywords());
      case SEMANTIC -> knn(probe.vector());
      case HYBRID -> new BooleanQuery.Builder().add(keywords(probe.keywords()), Occur.SHOULD)
          .add(knn(probe.vector()), Occur.SHOULD).build();
      case FACETS -> new BooleanQuery.Builder().add(keywords(probe.keywords()), Occur.MUST)
          .add(new TermQuery(new Term("brand", probe.brand())), Occur.FILTER)
          .add(new TermQuery(new Term("sentiment", probe.sentiment().wireName())), Occur.FILTER).build();
    };
  }

  private static Query knn(float[] vector) {
    return new KnnFloatVectorQuery("embedding", VectorUtil.l2normalize(vector.clone()), CANDIDATES);
  }

  private Query keywords(String text) {
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    try (TokenStream tokens = english.tokenStream("text", text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        all.add(new TermQuery(new Term("text", term.toString())), Occur.MUST);
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all.build();
  }

  static String label(Kind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }
}
