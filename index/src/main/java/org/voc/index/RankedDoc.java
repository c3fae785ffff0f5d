package org.voc.index;

import java.util.Comparator;
import org.apache.lucene.util.BytesRef;

/**
 * A document in a ranking: its doc id in one searcher, its key, and the score it is ranked by.
 * The key breaks ties, as in keyword search, so a ranking is the same on every run.
 */
record RankedDoc(int doc, BytesRef key, float score) {

  /** Highest score first, then key ascending. */
  static final Comparator<RankedDoc> BEST_FIRST =
      ((Comparator<RankedDoc>) (a, b) -> Float.compare(b.score, a.score))
          .thenComparing(RankedDoc::key);
}
