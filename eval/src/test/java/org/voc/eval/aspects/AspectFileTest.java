package org.voc.eval.aspects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voc.nlp.SentimentLabel;

class AspectFileTest {

  @TempDir
  Path dir;

  @Test
  void rowsWithTheSameTextAreOneSentenceWithoutDuplicateAspects() throws IOException {
    Path file = write("a.jsonl",
        row("The pizza was good but the service slow .", "pizza", 4, 9, "positive"),
        row("The pizza was good but the service slow .", "service", 27, 34, "negative"),
        row("The pizza was good but the service slow .", "service", 27, 34, "negative"),
        row("Nice view .", "view", 5, 9, "positive"));

    List<AspectFile.AspectSentence> sentences = AspectFile.read(file);

    assertThat(sentences).hasSize(2);
    assertThat(sentences.get(0).aspects()).extracting(AspectFile.GoldAspect::term)
        .containsExactly("pizza", "service");
    assertThat(sentences.get(0).aspects().get(1).label()).isEqualTo(SentimentLabel.NEGATIVE);
    assertThat(sentences.get(1).text()).isEqualTo("Nice view .");
  }

  @Test
  void heldOutAndTrainSplitTheSentencesWhateverTheirOrder() throws IOException {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      rows.add(row("Sentence number " + i + " about the food .", "food", 27 + Integer.toString(i).length(),
          31 + Integer.toString(i).length(), "neutral"));
    }
    Path file = write("b.jsonl", rows.toArray(String[]::new));
    Collections.reverse(rows);
    Path reversed = write("c.jsonl", rows.toArray(String[]::new));

    List<String> heldOut = texts(Path.of(file + "#heldout"));
    List<String> train = texts(Path.of(file + "#train"));

    assertThat(heldOut.size() + train.size()).isEqualTo(200);
    assertThat(heldOut).doesNotContainAnyElementsOf(train);
    assertThat(heldOut.size()).isBetween(20, 60); // about one in five
    assertThat(texts(Path.of(reversed + "#heldout"))).containsExactlyInAnyOrderElementsOf(heldOut);
    assertThat(heldOut).allMatch(AspectFile::heldOut);
    assertThat(AspectFile.fileOf(Path.of(file + "#heldout"))).isEqualTo(file);
  }

  @Test
  void theSplitOfAKnownSentenceNeverChanges() {
    // Pinned: changing the rule would silently move sentences between training and evaluation
    // (and the target-sentiment model uses the same split).
    assertThat(AspectFile.heldOut("But the staff was so horrible to us .")).isFalse();
    assertThat(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j").stream()
        .filter(AspectFile::heldOut).toList()).isEqualTo(HELD_OUT_LETTERS);
  }

  private static final List<String> HELD_OUT_LETTERS = List.of("g");

  @Test
  void aSpanOutsideItsTextIsAnErrorThatNamesTheLine() throws IOException {
    Path file = write("d.jsonl", row("Nice view .", "view", 5, 30, "positive"));

    assertThatThrownBy(() -> AspectFile.read(file)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("d.jsonl:1");
  }

  private List<String> texts(Path path) throws IOException {
    return AspectFile.read(path).stream().map(AspectFile.AspectSentence::text).toList();
  }

  static String row(String text, String aspect, int from, int to, String label) {
    return "{\"text\": \"" + text + "\", \"aspect\": \"" + aspect + "\", \"from\": " + from
        + ", \"to\": " + to + ", \"label\": \"" + label + "\"}";
  }

  private Path write(String name, String... rows) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, String.join("\n", rows) + "\n");
    return file;
  }
}
