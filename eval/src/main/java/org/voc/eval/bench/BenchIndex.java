package org.voc.eval.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.voc.index.LuceneDocumentIndex;
import org.voc.index.SearchRequest;
import org.voc.index.WeeklyCounts;
import org.voc.nlp.SentimentLabel;

/** A temporary index of the synthetic corpus, and the figures measured on it. */
final class BenchIndex implements AutoCloseable {

  private static final long SEED = 42;
  private static final int REPORT_WEEKS = 12;

  private final Path dir;
  private final boolean kept;
  private final LuceneDocumentIndex index;
  private final DirectoryReader reader;
  private final SyntheticCorpus corpus;
  private final double seconds;

  private BenchIndex(Path dir, LuceneDocumentIndex index, DirectoryReader reader, SyntheticCorpus corpus, double seconds,
      boolean kept) {
    this.dir = dir;
    this.kept = kept;
    this.index = index;
    this.reader = reader;
    this.corpus = corpus;
    this.seconds = seconds;
  }

  static BenchIndex build(int docs) throws IOException {
    return build(docs, null);
  }

  /**
   * The synthetic index of {@code docs} documents, in a temporary directory deleted on close when
   * {@code keep} is null; else in {@code keep}, reused as it is when it already holds {@code docs}
   * documents (a re-run then skips the minutes of indexing) and kept on close.
   */
  static BenchIndex build(int docs, Path keep) throws IOException {
    Path dir = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("voc-bench");
    LuceneDocumentIndex index = LuceneDocumentIndex.open(dir, Duration.ofSeconds(10));
    SyntheticCorpus corpus = new SyntheticCorpus(SEED);
    if (keep != null && index.count() == docs) {
      System.err.printf(Locale.ROOT, "  reusing the %,d documents indexed in %s%n", docs, dir);
      settle(index);
      return new BenchIndex(dir, index, DirectoryReader.open(FSDirectory.open(dir)), corpus, Double.NaN, true);
    }
    if (index.count() > 0) {
      index.close();
      throw new IOException(dir + " holds an index of " + index.count() + " documents, not " + docs
          + ": give another --index directory, or delete it");
    }
    long start = System.nanoTime();
    for (int i = 0; i < docs; i++) {
      SyntheticCorpus.Generated generated = corpus.next(i, docs);
      index.put(generated.document(), generated.embedding());
      if ((i + 1) % 100_000 == 0) {
        System.err.printf(Locale.ROOT, "  %,d documents indexed after %.0f s%n", i + 1, (System.nanoTime() - start) / 1e9);
      }
    }
    index.commit(Map.of());
    index.refresh();
    double seconds = (System.nanoTime() - start) / 1e9;
    settle(index);
    return new BenchIndex(dir, index, DirectoryReader.open(FSDirectory.open(dir)), corpus, seconds, keep != null);
  }

  // Searches are measured on the index the merge policy settles on, not while it is still merging
  // the segments the bulk load left: a background merge of HNSW graphs takes both cores for
  // minutes and would be measured as search latency, in voc's figures and the baseline's alike.
  private static void settle(LuceneDocumentIndex index) throws IOException {
    long start = System.nanoTime();
    int before = index.segmentCount();
    index.awaitMerges();
    index.commit(Map.of());
    System.err.printf(Locale.ROOT, "  merges settled: %d segments, %d before, %.0f s%n",
        index.segmentCount(), before, (System.nanoTime() - start) / 1e9);
  }

  double seconds() {
    return seconds;
  }

  /** p50 and p99 per kind of search, medians of {@code runs} runs after one warm-up run. */
  List<Figure> searchFigures(int runs, int queries) throws Exception {
    SearchLatency latency = new SearchLatency(index, new IndexSearcher(reader), corpus, queries, SEED + 1);
    List<Figure> figures = new ArrayList<>();
    for (SearchLatency.Kind kind : SearchLatency.Kind.values()) {
      latency.measure(kind);
      double[][] perRun = new double[4][runs];
      for (int r = 0; r < runs; r++) {
        double[] run = latency.measure(kind);
        for (int k = 0; k < 4; k++) {
          perRun[k][r] = run[k];
        }
      }
      String name = "search " + SearchLatency.label(kind);
      figures.add(new Figure(name + " p50", "ms", Timings.median(perRun[0]), Timings.median(perRun[2]), "", null));
      double p99 = Timings.median(perRun[1]);
      boolean hybrid = kind == SearchLatency.Kind.HYBRID;
      figures.add(new Figure(name + " p99", "ms", p99, Timings.median(perRun[3]), hybrid ? "<= 25 ms" : "",
          hybrid ? p99 <= 25 : null));
    }
    return figures;
  }

  /**
   * The index's share of a weekly report ({@code WeeklyReporter.report} lives in the service,
   * which eval may not depend on): the 12 weeks' counts in one pass, then the quoted examples,
   * the most and least positive of each theme in the last week. The rest of the report is
   * arithmetic over those counts.
   */
  Figure reportFigure(int runs) throws Exception {
    Instant end = SyntheticCorpus.START.plus(SyntheticCorpus.SPAN);
    SearchRequest weeks = SearchRequest.builder().from(end.minus(Duration.ofDays(REPORT_WEEKS * 7L))).to(end).build();
    SearchRequest lastWeek = SearchRequest.builder().from(end.minus(Duration.ofDays(7))).to(end).build();
    Timings.Timed report = () -> {
      index.weeklyCounts(weeks);
      for (String[] theme : SyntheticCorpus.THEMES) {
        for (SentimentLabel label : List.of(SentimentLabel.POSITIVE, SentimentLabel.NEGATIVE)) {
          index.examples(lastWeek, WeeklyCounts.Dimension.THEME, theme[0], label, 3);
        }
      }
    };
    report.run();
    double[] millis = new double[runs];
    for (int r = 0; r < runs; r++) {
      millis[r] = Timings.millis(report);
    }
    double median = Timings.median(millis);
    return new Figure("weekly report (index part)", "ms", median, Double.NaN, "<= 3000 ms", median <= 3000);
  }

  @Override
  public void close() throws IOException {
    reader.close();
    index.close();
    if (!kept) {
      ScratchDir.delete(dir);
    }
  }
}
