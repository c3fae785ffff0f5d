package org.voc.eval.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voc.nlp.Sentiment;
import org.voc.nlp.SentimentLabel;

class LabeledFileTest {

  @TempDir Path dir;

  @Test
  void binaryDigitsWithHeaderMeanNegativeAndPositive() throws IOException {
    Path file = write("a.tsv", "sentence\tlabel\ngreat film\t1\nawful\t0\n");
    LabeledFile labeled = LabeledFile.open(file, null);
    assertThat(labeled.rows()).isEqualTo(2);
    assertThat(labeled.binary()).isTrue();
    assertThat(labeled.readAll()).extracting(LabeledText::label)
        .containsExactly(SentimentLabel.POSITIVE, SentimentLabel.NEGATIVE);
  }

  @Test
  void threeDigitsMeanNegativeNeutralPositiveWithoutHeader() throws IOException {
    Path file = write("b.tsv", "meh\t1\nyay\t2\nboo\t0\n");
    LabeledFile labeled = LabeledFile.open(file, null);
    assertThat(labeled.binary()).isFalse();
    assertThat(labeled.readAll()).extracting(LabeledText::label)
        .containsExactly(SentimentLabel.NEUTRAL, SentimentLabel.POSITIVE, SentimentLabel.NEGATIVE);
  }

  @Test
  void oddAndEvenNameTheTwoHalvesOfAFileByLineNumber() throws IOException {
    Path file = write("d.tsv", "one\t0\ntwo\t1\nthree\t2\nfour\t0\nfive\t1\n");

    LabeledFile odd = LabeledFile.open(dir.resolve("d.tsv#odd"), null);
    LabeledFile even = LabeledFile.open(dir.resolve("d.tsv#even"), null);

    assertThat(odd.rows()).isEqualTo(3);
    assertThat(odd.readAll()).extracting(LabeledText::text).containsExactly("one", "three", "five");
    assertThat(even.readAll()).extracting(LabeledText::text).containsExactly("two", "four");
    assertThat(LabeledFile.fileOf(dir.resolve("d.tsv#even"))).isEqualTo(file);
    assertThat(LabeledFile.fileOf(file)).isEqualTo(file);
  }

  @Test
  void quartersSplitTheHalvesAgainByLineNumber() throws IOException {
    Path file = write("q.tsv", "one\t0\ntwo\t1\nthree\t2\nfour\t0\nfive\t1\nsix\t2\nseven\t0\neight\t1\nnine\t2\n");

    assertThat(LabeledFile.open(dir.resolve("q.tsv#quarter1"), null).readAll()).extracting(LabeledText::text)
        .containsExactly("one", "five", "nine");
    assertThat(LabeledFile.open(dir.resolve("q.tsv#quarter3"), null).readAll()).extracting(LabeledText::text)
        .containsExactly("three", "seven");
    assertThat(LabeledFile.open(dir.resolve("q.tsv#quarter2"), null).readAll()).extracting(LabeledText::text)
        .containsExactly("two", "six");
    assertThat(LabeledFile.open(dir.resolve("q.tsv#quarter4"), null).rows()).isEqualTo(2);
    assertThat(LabeledFile.fileOf(dir.resolve("q.tsv#quarter3"))).isEqualTo(file);
  }

  @Test
  void trainAndHeldoutSplitATargetFileAsTargetRowsDoesSoSentimentNeverTrainsOnTheHeldOutPart() throws IOException {
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      rows.append("{\"text\": \"tweet number ").append(i).append(" about @acme\", \"aspect\": \"@acme\", ")
          .append("\"from\": 16, \"to\": 21, \"label\": \"").append(i % 2 == 0 ? "positive" : "negative")
          .append("\"}\n");
    }
    Path file = write("t.jsonl", rows.toString());

    List<String> train = LabeledFile.open(dir.resolve("t.jsonl#train"), null).readAll().stream()
        .map(LabeledText::text).toList();
    LabeledFile heldOutFile = LabeledFile.open(dir.resolve("t.jsonl#heldout"), null);
    List<String> heldOut = heldOutFile.readAll().stream().map(LabeledText::text).toList();

    assertThat(heldOut).isNotEmpty().allMatch(org.voc.eval.targets.TargetRows::heldOut);
    assertThat(heldOutFile.rows()).isEqualTo(heldOut.size());
    assertThat(train).isNotEmpty().noneMatch(org.voc.eval.targets.TargetRows::heldOut)
        .doesNotContainAnyElementsOf(heldOut);
    assertThat(train.size() + heldOut.size()).isEqualTo(40);
    assertThat(heldOut).containsExactlyElementsOf(org.voc.eval.targets.TargetRows.read(dir.resolve("t.jsonl#heldout"))
        .stream().map(r -> r.target().sentence()).toList());
    assertThat(LabeledFile.fileOf(dir.resolve("t.jsonl#heldout"))).isEqualTo(file);
  }

  @Test
  void sentencesOfATargetFileAreReadOnceWithTheirTargetsPolarityAndNotAtAllWhenTheTargetsDisagree() throws IOException {
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      String text = "The screen of laptop " + i + " is bright and the keyboard is firm.";
      String second = i % 3 == 0 ? "negative" : "positive"; // every third sentence's targets disagree
      rows.append(target(text, "screen", "positive")).append(target(text, "keyboard", second));
    }
    rows.append(target("Only the fan of laptop 99 is loud.", "fan", "negative"));
    write("s.jsonl", rows.toString());

    List<LabeledText> train = LabeledFile.open(dir.resolve("s.jsonl#train-sentences"), null).readAll();
    LabeledFile heldOutFile = LabeledFile.open(dir.resolve("s.jsonl#heldout-sentences"), null);
    List<LabeledText> heldOut = heldOutFile.readAll();
    List<LabeledText> all = new ArrayList<>(train);
    all.addAll(heldOut);

    assertThat(all).extracting(LabeledText::text).doesNotHaveDuplicates()
        .noneMatch(t -> t.matches(".* laptop (0|3|6|9|12|15|18|21|24|27) .*"))
        .hasSize(21);
    assertThat(all).filteredOn(r -> r.text().contains("laptop 99")).extracting(LabeledText::label)
        .containsExactly(SentimentLabel.NEGATIVE);
    assertThat(all).filteredOn(r -> !r.text().contains("laptop 99")).extracting(LabeledText::label)
        .containsOnly(SentimentLabel.POSITIVE);
    assertThat(heldOut).isNotEmpty().extracting(LabeledText::text).allMatch(org.voc.eval.targets.TargetRows::heldOut);
    assertThat(train).isNotEmpty().extracting(LabeledText::text).noneMatch(org.voc.eval.targets.TargetRows::heldOut);
    assertThat(heldOutFile.rows()).isEqualTo(heldOut.size());
    assertThat(LabeledFile.fileOf(dir.resolve("s.jsonl#train-sentences"))).isEqualTo(dir.resolve("s.jsonl"));
  }

  private static String target(String text, String aspect, String label) {
    int from = text.indexOf(aspect);
    return "{\"text\": \"" + text + "\", \"aspect\": \"" + aspect + "\", \"from\": " + from + ", \"to\": "
        + (from + aspect.length()) + ", \"label\": \"" + label + "\"}\n";
  }

  @Test
  void jsonlWithWordLabelsAndTabsInText() throws IOException {
    Path file = write("c.jsonl", "{\"text\":\"tab\\there\",\"label\":\"Negative\"}\n\n{\"text\":\"ok\",\"label\":\"neutral\"}\n");
    List<LabeledText> rows = LabeledFile.open(file, null).readAll();
    assertThat(rows).extracting(LabeledText::text).containsExactly("tab\there", "ok");
    assertThat(rows.get(1).line()).isEqualTo(3);
  }

  @Test
  void labelOverrideMapsOtherScales() throws IOException {
    Path file = write("d.tsv", "bad\t1\ngood\t5\n");
    assertThatThrownBy(() -> LabeledFile.open(file, null)).hasMessageContaining("--labels");
    LabeledFile labeled = LabeledFile.open(file, LabelMapping.parse("1=negative,5=positive"));
    assertThat(labeled.binary()).isTrue();
  }

  @Test
  void evaluationCountsBinaryFilesWithoutNeutralPredictions() throws IOException {
    Path file = write("e.tsv", "good\t1\nbad\t0\nfine\t1\n");
    SentimentScorer scorer = new SentimentScorer() {
      @Override
      public String name() {
        return "fixed";
      }

      @Override
      public List<Sentiment.Probabilities> score(List<String> texts) {
        return texts.stream().map(t -> switch (t) {
          case "good" -> new Sentiment.Probabilities(0.1, 0.2, 0.7);
          case "bad" -> new Sentiment.Probabilities(0.6, 0.3, 0.1);
          default -> new Sentiment.Probabilities(0.3, 0.6, 0.1); // neutral argmax, but negative > positive
        }).toList();
      }
    };
    var result = SentimentEvaluation.run(LabeledFile.open(file, null), scorer, n -> { });
    assertThat(result.get("n")).isEqualTo(3L);
    assertThat((double) result.get("accuracy")).isEqualTo(0.6667);
    assertThat(result.get("model")).isEqualTo("fixed");
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }
}
