package org.voc.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.voc.index.TestDocuments.doc;

import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.voc.nlp.SentimentLabel;

class ThemeDiscoveryTest extends IndexTestCase {

  private static final int DIMENSION = 16;


  /** Three tight clusters of unthemed documents around three directions, plus themed noise. */
  private void givenThreeClusters() throws IOException {
    open();
    Random random = new Random(7);
    String[][] phrases = {
        {"battery drain", "battery", "phone"},
        {"login error", "password", "phone"},
        {"dark mode", "font size", "screen"}};
    int[] sizes = {40, 30, 20};
    for (int c = 0; c < 3; c++) {
      for (int i = 0; i < sizes[c]; i++) {
        float[] vector = new float[DIMENSION];
        vector[c * 4] = 1;
        for (int d = 0; d < DIMENSION; d++) {
          vector[d] += (float) (random.nextGaussian() * 0.05);
        }
        String[] own = phrases[c];
        index.put(doc("c" + c + "-" + i, "cluster " + c + " <i>text</i> " + i)
            .keyPhrases(own[0], own[i % 2 + 1]).build(), vector);
      }
    }
    for (int i = 0; i < 25; i++) {
      float[] vector = new float[DIMENSION];
      vector[13] = 1;
      index.put(doc("t" + i, "themed " + i).theme("shipping", SentimentLabel.NEGATIVE, null)
          .keyPhrases("parcel").build(), vector);
    }
    index.refresh();
  }

  @Test
  void proposesOneThemePerClusterOfUnthemedDocuments() throws IOException {
    givenThreeClusters();
    ThemeDiscovery.Result result = ThemeDiscovery.discover(index, SearchRequest.builder().build());
    assertThat(result.unthemed()).isEqualTo(90);
    assertThat(result.sampled()).isEqualTo(90);
    assertThat(result.k()).isEqualTo(3);
    assertThat(result.silhouette()).isGreaterThan(0.8);
    assertThat(result.proposals()).extracting(ThemeDiscovery.Proposal::size).containsExactly(40, 30, 20);
    assertThat(result.proposals()).extracting(p -> p.keyPhrases().getFirst())
        .containsExactly("battery drain", "login error", "dark mode");
    assertThat(result.proposals().getFirst().label()).startsWith("battery drain / ");
    assertThat(result.proposals().getFirst().keyPhrases()).doesNotContain("parcel");
    ThemeDiscovery.Proposal first = result.proposals().getFirst();
    assertThat(first.examples()).hasSize(3);
    assertThat(first.examples()).allSatisfy(e -> {
      assertThat(e.id()).startsWith("c0-");
      assertThat(e.snippet()).contains("&lt;i&gt;text&lt;/i&gt;");
    });
  }

  @Test
  void sameRequestSameProposalsAndFiltersApply() throws IOException {
    givenThreeClusters();
    ThemeDiscovery.Result once = ThemeDiscovery.discover(index, SearchRequest.builder().build());
    ThemeDiscovery.Result again = ThemeDiscovery.discover(index, SearchRequest.builder().build());
    assertThat(again).isEqualTo(once);
    ThemeDiscovery.Result filtered =
        ThemeDiscovery.discover(index, SearchRequest.builder().query("\"cluster 0\"").build());
    assertThat(filtered.unthemed()).isEqualTo(40);
  }

  @Test
  void documentsWithoutEmbeddingsGiveNoProposals() throws IOException {
    open();
    for (int i = 0; i < 30; i++) {
      index.put(doc("n" + i, "no vector " + i).keyPhrases("thing").build());
    }
    index.refresh();
    ThemeDiscovery.Result result = ThemeDiscovery.discover(index, SearchRequest.builder().build());
    assertThat(result.unthemed()).isZero();
    assertThat(result.proposals()).isEmpty();
    assertThat(index.unthemedSample(SearchRequest.builder().build(), 10, 1).documents()).isEmpty();
  }

  @Test
  void sampleIsUniformAndBounded() {
    int[] docs = new int[1000];
    for (int i = 0; i < docs.length; i++) {
      docs[i] = i * 2;
    }
    int[] drawn = UnthemedSampler.draw(docs, 100, 42);
    assertThat(drawn).hasSize(100).isSorted().doesNotHaveDuplicates();
    assertThat(UnthemedSampler.draw(docs, 100, 42)).isEqualTo(drawn);
    assertThat(UnthemedSampler.draw(new int[] {5, 3}, 100, 42)).containsExactly(3, 5);
    assertThat(List.of(drawn[0], drawn[99])).isNotEqualTo(List.of(0, 198));
  }
}
