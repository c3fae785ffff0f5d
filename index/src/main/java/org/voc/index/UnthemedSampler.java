package org.voc.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.voc.nlp.DocumentKey;

/**
 * Runs {@link DocumentIndex#unthemedSample}: finds the matching documents that have an embedding
 * and no theme, draws a uniform sample of them with a fixed seed, and reads the drawn documents'
 * vectors, keys and key phrases. The same index and request give the same sample.
 */
final class UnthemedSampler {

  private final KeywordQueryParser parser;

  UnthemedSampler(Analyzer analyzer, QueryLimits limits) {
    this.parser = new KeywordQueryParser(analyzer, limits);
  }

  UnthemedSample run(IndexSearcher searcher, SearchRequest request, int max, long seed) throws IOException {
    Query query = SearchFilters.restrict(parser.parse(request.query()), SearchFilters.of(request));
    int[] candidates = searcher.search(query, candidatesManager());
    int[] drawn = draw(candidates, max, seed);
    List<VectorSample> samples = new ArrayList<>(drawn.length);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    int i = 0;
    while (i < drawn.length) {
      int leaf = ReaderUtil.subIndex(drawn[i], leaves);
      LeafReaderContext context = leaves.get(leaf);
      int end = i;
      while (end < drawn.length && ReaderUtil.subIndex(drawn[end], leaves) == leaf) {
        end++;
      }
      read(context, Arrays.copyOfRange(drawn, i, end), samples);
      i = end;
    }
    return new UnthemedSample(candidates.length, samples);
  }

  /** A uniform sample of {@code max} of {@code docs} (all when fewer), in doc order. */
  static int[] draw(int[] docs, int max, long seed) {
    int[] pool = docs.clone();
    if (pool.length > max) {
      Random random = new Random(seed);
      for (int i = 0; i < max; i++) {
        int j = i + random.nextInt(pool.length - i);
        int swap = pool[i];
        pool[i] = pool[j];
        pool[j] = swap;
      }
      pool = Arrays.copyOf(pool, max);
    }
    Arrays.sort(pool);
    return pool;
  }

  private static void read(LeafReaderContext context, int[] globalDocs, List<VectorSample> into)
      throws IOException {
    LeafReader reader = context.reader();
    FloatVectorValues vectors = reader.getFloatVectorValues(IndexSchema.EMBEDDING);
    if (vectors == null) {
      return;
    }
    KnnVectorValues.DocIndexIterator vectorDocs = vectors.iterator();
    SortedSetDocValues keys = DocValues.getSortedSet(reader, IndexSchema.KEY);
    SortedSetDocValues phrases = DocValues.getSortedSet(reader, IndexSchema.KEY_PHRASE);
    for (int global : globalDocs) {
      int doc = global - context.docBase;
      if (vectorDocs.docID() < doc) {
        vectorDocs.advance(doc);
      }
      if (vectorDocs.docID() != doc || !keys.advanceExact(doc)) {
        continue;
      }
      float[] vector = vectors.vectorValue(vectorDocs.index()).clone();
      String[] key = keys.lookupOrd(keys.nextOrd()).utf8ToString().split("\u0000", 2);
      List<String> keyPhrases = new ArrayList<>();
      if (phrases.advanceExact(doc)) {
        for (int p = phrases.docValueCount(); p > 0; p--) {
          keyPhrases.add(phrases.lookupOrd(phrases.nextOrd()).utf8ToString());
        }
      }
      into.add(new VectorSample(new DocumentKey(key[0], key.length > 1 ? key[1] : ""), vector, keyPhrases));
    }
  }

  private static CollectorManager<Candidates, int[]> candidatesManager() {
    return new CollectorManager<>() {
      @Override
      public Candidates newCollector() {
        return new Candidates();
      }

      @Override
      public int[] reduce(Collection<Candidates> collectors) {
        int[] all = collectors.stream()
            .flatMapToInt(c -> Arrays.stream(c.docs, 0, c.size)).toArray();
        Arrays.sort(all);
        return all;
      }
    };
  }

  /** Collects the global ids of matches that have an embedding and no theme. */
  private static final class Candidates extends SimpleCollector {
    private int[] docs = new int[1024];
    private int size;
    private int docBase;
    private SortedSetDocValues themes;
    private KnnVectorValues.DocIndexIterator vectors;

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
      docBase = context.docBase;
      themes = DocValues.getSortedSet(context.reader(), IndexSchema.THEME);
      FloatVectorValues values = context.reader().getFloatVectorValues(IndexSchema.EMBEDDING);
      vectors = values == null ? null : values.iterator();
    }

    @Override
    public void collect(int doc) throws IOException {
      if (vectors == null || themes.advanceExact(doc)) {
        return;
      }
      if (vectors.docID() < doc) {
        vectors.advance(doc);
      }
      if (vectors.docID() == doc) {
        if (size == docs.length) {
          docs = Arrays.copyOf(docs, size * 2);
        }
        docs[size++] = docBase + doc;
      }
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
