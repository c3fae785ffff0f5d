package org.voc.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchRequestTest {

  private static SearchRequest semantic(float[] vector) {
    return SearchRequest.builder()
        .query("refund")
        .mode(SearchRequest.Mode.SEMANTIC)
        .queryVector(vector)
        .build();
  }

  @Test
  void requestsWithEqualVectorsAreEqual() {
    SearchRequest one = semantic(new float[] {0.6f, 0.8f});
    SearchRequest other = semantic(new float[] {0.6f, 0.8f});

    assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
    assertThat(one).isNotEqualTo(semantic(new float[] {0.8f, 0.6f}));
    assertThat(one).isNotEqualTo(semantic(null));
    assertThat(one.toString()).contains("queryVector=[0.6, 0.8]").contains("mode=SEMANTIC");
  }

  @Test
  void vectorIsCopiedInAndOut() {
    float[] vector = {0.6f, 0.8f};
    SearchRequest request = semantic(vector);

    vector[0] = 0;
    request.queryVector()[1] = 0;

    assertThat(request.queryVector()).containsExactly(0.6f, 0.8f);
  }

  @Test
  void modeDefaultsToKeywordWithoutVector() {
    SearchRequest request = SearchRequest.builder().build();

    assertThat(request.mode()).isEqualTo(SearchRequest.Mode.KEYWORD);
    assertThat(request.queryVector()).isNull();
    assertThat(request.minSimilarity()).isNull();
    assertThat(request).isEqualTo(SearchRequest.builder().build());
  }
}
