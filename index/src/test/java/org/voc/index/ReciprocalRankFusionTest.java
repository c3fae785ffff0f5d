package org.voc.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class ReciprocalRankFusionTest {

  private static RankedDoc doc(int id, String key, float score) {
    return new RankedDoc(id, new BytesRef(key), score);
  }

  @Test
  void documentHighInBothRankingsBeatsTheTopOfEither() {
    List<RankedDoc> keyword = List.of(doc(1, "a", 9f), doc(2, "b", 8f), doc(3, "c", 7f));
    List<RankedDoc> semantic = List.of(doc(4, "d", 0.9f), doc(2, "b", 0.8f));

    List<RankedDoc> fused = ReciprocalRankFusion.fuse(List.of(keyword, semantic));

    assertThat(fused).extracting(RankedDoc::doc).containsExactly(2, 1, 4, 3);
    assertThat(fused.get(0).score()).isCloseTo(2f / 62, within(1e-7f));
    assertThat(fused.get(3).score()).isCloseTo(1f / 63, within(1e-7f));
  }

  @Test
  void equalFusedScoresAreOrderedByKey() {
    List<RankedDoc> keyword = List.of(doc(7, "z", 1f));
    List<RankedDoc> semantic = List.of(doc(8, "m", 1f));

    List<RankedDoc> fused = ReciprocalRankFusion.fuse(List.of(keyword, semantic));

    assertThat(fused).extracting(RankedDoc::doc).containsExactly(8, 7);
  }

  @Test
  void emptyRankingsFuseToNothing() {
    assertThat(ReciprocalRankFusion.fuse(List.of(List.of(), List.of()))).isEmpty();
  }
}
