package org.voc.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * The documents whose embeddings are nearest a query vector, found in the HNSW graph, as a ranking
 * scored by cosine similarity (-1 to 1).
 */
final class NearestDocuments {

  private NearestDocuments() {}

  /**
   * The neighbours found: {@code ranking}, nearest first, and {@code matches}, a query for {@code
   * searcher} that matches exactly those documents.
   */
  record Found(List<RankedDoc> ranking, Query matches) {}

  /**
   * At most {@code k} documents that match {@code filter} (null: any), nearest {@code unitQuery}
   * first, ties by key, none less similar than {@code minSimilarity} (null: no minimum).
   *
   * <p>The filter is applied during the graph search, not after it, so a narrow filter still
   * yields {@code k} documents when that many match it (Lucene searches exactly when few do).
   */
  static Found find(
      IndexSearcher searcher, float[] unitQuery, int k, Query filter, Float minSimilarity)
      throws IOException {
    // Rewritten once, the k-NN query is the graph search's result: a query over the neighbours'
    // doc ids that the summary and the fused query can reuse without looking anything up again.
    Query nearest =
        searcher.rewrite(new KnnFloatVectorQuery(IndexSchema.EMBEDDING, unitQuery, k, filter));
    TopDocs top = searcher.search(nearest, k);
    List<ScoreDoc> similar = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc hit : top.scoreDocs) {
      float cosine = cosine(hit.score);
      if (minSimilarity == null || cosine >= minSimilarity) {
        similar.add(new ScoreDoc(hit.doc, cosine));
      }
    }
    List<RankedDoc> ranking = withKeys(searcher, similar.toArray(ScoreDoc[]::new));
    ranking.sort(RankedDoc.BEST_FIRST);
    boolean allKept = similar.size() == top.scoreDocs.length;
    return new Found(ranking, allKept ? nearest : keysOf(ranking));
  }

  // Keys rather than doc ids when only some neighbours are kept: a key names exactly one live
  // document, and Lucene can look it up.
  static Query keysOf(List<RankedDoc> docs) {
    if (docs.isEmpty()) {
      return new MatchNoDocsQuery("no neighbours");
    }
    return KeywordField.newSetQuery(IndexSchema.KEY, docs.stream().map(RankedDoc::key).toList());
  }

  // Lucene scores unit vectors by dot product as (1 + cosine) / 2, to keep scores non-negative.
  private static float cosine(float luceneScore) {
    return Math.clamp(2 * luceneScore - 1, -1f, 1f);
  }

  /** {@code hits} with their keys, read from doc values (far cheaper than the stored JSON). */
  private static List<RankedDoc> withKeys(IndexSearcher searcher, ScoreDoc[] hits)
      throws IOException {
    // Doc values are read forwards only: visit the hits in doc id order.
    ScoreDoc[] byDoc = hits.clone();
    Arrays.sort(byDoc, Comparator.comparingInt((ScoreDoc hit) -> hit.doc));
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    List<RankedDoc> ranked = new ArrayList<>(hits.length);
    int leaf = -1;
    SortedSetDocValues keys = null;
    for (ScoreDoc hit : byDoc) {
      int hitLeaf = ReaderUtil.subIndex(hit.doc, leaves);
      if (hitLeaf != leaf) {
        leaf = hitLeaf;
        keys = DocValues.getSortedSet(leaves.get(leaf).reader(), IndexSchema.KEY);
      }
      if (!keys.advanceExact(hit.doc - leaves.get(leaf).docBase)) {
        throw new IllegalStateException("indexed document " + hit.doc + " has no key");
      }
      BytesRef key = BytesRef.deepCopyOf(keys.lookupOrd(keys.nextOrd()));
      ranked.add(new RankedDoc(hit.doc, key, hit.score));
    }
    return ranked;
  }
}
