package org.voc.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuses rankings by reciprocal rank (Cormack, Clarke and Büttcher, SIGIR 2009): a document scores
 * the sum, over the rankings it is in, of {@code 1 / (K + rank)}, rank counted from 1.
 *
 * <p>Ranks rather than scores are fused because BM25 scores and cosine similarities have no
 * common scale; {@code K} damps the lead of the first few ranks, so a document fairly high in
 * both rankings beats one that tops only one of them.
 */
final class ReciprocalRankFusion {

  /** The constant of the original paper, which most systems keep. */
  static final int K = 60;

  private ReciprocalRankFusion() {}

  /**
   * Every document of {@code rankings} (each best first, each document at most once per ranking),
   * scored by fusion, best first, ties by key.
   */
  static List<RankedDoc> fuse(List<List<RankedDoc>> rankings) {
    Map<Integer, RankedDoc> firstSeen = new HashMap<>();
    Map<Integer, Double> scores = new HashMap<>();
    for (List<RankedDoc> ranking : rankings) {
      for (int i = 0; i < ranking.size(); i++) {
        RankedDoc ranked = ranking.get(i);
        firstSeen.putIfAbsent(ranked.doc(), ranked);
        scores.merge(ranked.doc(), 1.0 / (K + i + 1), Double::sum);
      }
    }
    List<RankedDoc> fused = new ArrayList<>(scores.size());
    scores.forEach(
        (doc, score) ->
            fused.add(new RankedDoc(doc, firstSeen.get(doc).key(), score.floatValue())));
    fused.sort(RankedDoc.BEST_FIRST);
    return fused;
  }
}
