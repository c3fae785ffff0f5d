package org.voc.index;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.voc.nlp.DocumentKey;
import org.voc.nlp.SentimentLabel;

/**
 * The {@link DocumentIndex} on embedded Lucene in one directory: near-real-time searchers
 * refreshed in the background every {@code refreshInterval}, BM25 over English-stemmed text and
 * title, nearest neighbours over document embeddings (HNSW) and their fusion with BM25, keyword
 * filters and facets, a weekly histogram, highlighted snippets and cursor paging.
 *
 * <p>Durability is explicit: only {@link #commit} makes writes survive a restart. {@link #close()}
 * does <em>not</em> commit; it drops every write since the last commit. That is deliberate: the
 * journal replays those writes on start-up from the watermark it recorded in the commit's user
 * data, and an implicit commit without that user data would move the documents forward but not
 * the watermark. Callers that want their writes kept call {@code commit(userData)} before {@code
 * close()}.
 *
 * <p>Thread-safe: many threads may put, get and search at once.
 */
public final class LuceneDocumentIndex implements DocumentIndex {

  /** How often writes become visible when nobody calls {@link #refresh()}. */
  public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofMillis(200);

  private final Directory directory;
  private final Analyzer analyzer;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final PeriodicRefresher refresher;
  private final Embeddings embeddings;
  private final PagedSearch search;
  private final Duration searchBudget;
  private final InsightsSearch insights;
  private final WeeklyCountsSearch weeklyCounts;
  private final ExecutorService insightSlices;
  private final UnthemedSampler sampler;
  private final Object commitLock = new Object();
  private volatile Map<String, String> committedUserData;

  private LuceneDocumentIndex(Path path, Duration refreshInterval, QueryLimits limits)
      throws IOException {
    Directory dir = FSDirectory.open(path);
    Analyzer english = new EnglishAnalyzer();
    IndexWriter openedWriter = null;
    SearcherManager openedSearchers = null;
    Embeddings openedEmbeddings;
    try {
      this.committedUserData = lastCommitUserData(dir);
      openedWriter = new IndexWriter(dir, writerConfig(english));
      openedSearchers = new SearcherManager(openedWriter, null);
      openedEmbeddings = embeddingsOf(openedSearchers);
    } catch (IOException | RuntimeException e) {
      IOUtils.closeWhileHandlingException(openedSearchers, openedWriter, dir, english);
      throw e;
    }
    this.directory = dir;
    this.analyzer = english;
    this.writer = openedWriter;
    this.searchers = openedSearchers;
    this.embeddings = openedEmbeddings;
    this.search = new PagedSearch(english, limits, embeddings);
    this.searchBudget = limits.searchBudget();
    this.insightSlices = Executors.newFixedThreadPool(
        Runtime.getRuntime().availableProcessors(), Thread.ofPlatform().daemon().name("voc-insights-", 0).factory());
    this.insights = new InsightsSearch(english, limits, insightSlices);
    this.weeklyCounts = new WeeklyCountsSearch(english, limits, insightSlices);
    this.sampler = new UnthemedSampler(english, limits);
    this.refresher = new PeriodicRefresher(searchers, refreshInterval, "voc-index-refresh");
  }

  /** Opens or creates the index in {@code path}, refreshed every 200 ms. */
  public static LuceneDocumentIndex open(Path path) throws IOException {
    return open(path, DEFAULT_REFRESH_INTERVAL);
  }

  /** Opens or creates the index in {@code path}, refreshed every {@code refreshInterval}. */
  public static LuceneDocumentIndex open(Path path, Duration refreshInterval) throws IOException {
    return open(path, refreshInterval, QueryLimits.DEFAULT);
  }

  /** Opens or creates the index in {@code path}, with these limits on keyword queries. */
  public static LuceneDocumentIndex open(Path path, Duration refreshInterval, QueryLimits limits)
      throws IOException {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(refreshInterval, "refreshInterval");
    Objects.requireNonNull(limits, "limits");
    return new LuceneDocumentIndex(path, refreshInterval, limits);
  }

  private static IndexWriterConfig writerConfig(Analyzer analyzer) {
    return new IndexWriterConfig(analyzer)
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
        // See the class comment: only an explicit commit, with its user data, is durable.
        .setCommitOnClose(false)
        // expungeDeletes must rewrite a segment with even one deleted (erased) document in it.
        .setMergePolicy(new TieredMergePolicy().setForceMergeDeletesPctAllowed(0.0));
  }

  private static Embeddings embeddingsOf(SearcherManager searchers) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return Embeddings.of(searcher.getIndexReader());
    } finally {
      searchers.release(searcher);
    }
  }

  private static Map<String, String> lastCommitUserData(Directory dir) throws IOException {
    return DirectoryReader.indexExists(dir)
        ? Map.copyOf(SegmentInfos.readLatestCommit(dir).getUserData())
        : Map.of();
  }

  @Override
  public void put(IndexedDocument document, float[] embedding) throws IOException {
    // Checked before the writer sees the document, so a refused embedding changes nothing.
    float[] unit = embedding == null ? null : embeddings.forDocument(embedding);
    writer.updateDocument(
        IndexSchema.keyTerm(document.key()), IndexSchema.toLucene(document, unit));
  }

  @Override
  public void delete(DocumentKey key) throws IOException {
    writer.deleteDocuments(IndexSchema.keyTerm(key));
  }

  @Override
  public void expungeDeletes() throws IOException {
    writer.forceMergeDeletes(true);
  }

  @Override
  public Optional<IndexedDocument> get(DocumentKey key) throws IOException {
    return withSearcher(searcher -> {
      TopDocs top = searcher.search(new TermQuery(IndexSchema.keyTerm(key)), 1);
      if (top.scoreDocs.length == 0) {
        return Optional.empty();
      }
      int doc = top.scoreDocs[0].doc;
      return Optional.of(
          IndexSchema.fromStored(searcher.storedFields().document(doc, Set.of(IndexSchema.JSON))));
    });
  }

  @Override
  public SearchResult search(SearchRequest request) throws IOException {
    return withSearcher(searcher -> {
      // Sliced: the count of every match and each segment's graph search run on all cores at once.
      IndexSearcher sliced = InsightsSearch.sliced(searcher, insightSlices);
      QueryTimeoutImpl budget = new QueryTimeoutImpl(searchBudget.toMillis());
      sliced.setTimeout(budget);
      SearchResult result = search.run(sliced, request);
      // timedOut(): a collector was stopped; shouldExit(): the graph search may have been.
      return sliced.timedOut() || budget.shouldExit() ? result.asPartial() : result;
    });
  }

  @Override
  public Insights insights(SearchRequest request) throws IOException {
    return withSearcher(searcher -> insights.run(searcher, request));
  }

  @Override
  public WeeklyCounts weeklyCounts(SearchRequest request) throws IOException {
    return withSearcher(searcher -> weeklyCounts.count(searcher, request));
  }

  @Override
  public List<IndexedDocument> examples(SearchRequest request, WeeklyCounts.Dimension dimension, String value,
      SentimentLabel label, int n) throws IOException {
    return withSearcher(searcher -> weeklyCounts.examples(searcher, request, dimension, value, label, n));
  }

  @Override
  public UnthemedSample unthemedSample(SearchRequest request, int max, long seed)
      throws IOException {
    return withSearcher(searcher -> sampler.run(searcher, request, max, seed));
  }

  /**
   * Runs the merges the merge policy asks for and waits until none is left, then makes the result
   * searchable. A bulk import leaves more segments than the policy wants, and each one costs every
   * search a graph search and a term lookup; the service merges them in the background as it
   * ingests, a benchmark or a maintenance job calls this to measure or serve the settled index.
   * Searches go on meanwhile; the merged segments are durable at the next {@link #commit}.
   */
  public void awaitMerges() throws IOException {
    ConcurrentMergeScheduler scheduler =
        (ConcurrentMergeScheduler) writer.getConfig().getMergeScheduler();
    do {
      writer.maybeMerge();
      scheduler.sync();
    } while (writer.hasPendingMerges());
    searchers.maybeRefreshBlocking();
  }

  /** The number of segments a search visits now. */
  public int segmentCount() throws IOException {
    return withSearcher(searcher -> searcher.getIndexReader().leaves().size());
  }

  @Override
  public void refresh() throws IOException {
    searchers.maybeRefreshBlocking();
  }

  /**
   * Makes every write so far durable with {@code userData} as the commit's user data (replacing
   * the previous commit's; keys and values must not be null).
   */
  @Override
  public void commit(Map<String, String> userData) throws IOException {
    Map<String, String> data = Map.copyOf(userData);
    // Two commits interleaving could record one caller's data with the other's documents.
    synchronized (commitLock) {
      writer.setLiveCommitData(new HashMap<>(data).entrySet());
      writer.commit();
      committedUserData = data;
    }
  }

  @Override
  public Map<String, String> committedUserData() {
    return committedUserData;
  }

  @Override
  public long count() throws IOException {
    return withSearcher(searcher -> searcher.getIndexReader().numDocs());
  }

  /** Work done with a searcher. */
  private interface SearcherWork<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  /** Runs {@code work} with the current searcher, released afterwards. */
  private <T> T withSearcher(SearcherWork<T> work) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return work.apply(searcher);
    } finally {
      searchers.release(searcher);
    }
  }

  /**
   * Stops the background refresh and closes the index <em>without committing</em>: writes since
   * the last {@link #commit} are discarded (see the class comment for why).
   */
  @Override
  public void close() throws IOException {
    insightSlices.shutdownNow();
    IOUtils.close(refresher, searchers, writer, directory, analyzer);
  }
}
