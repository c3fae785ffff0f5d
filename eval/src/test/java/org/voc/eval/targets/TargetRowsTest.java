package org.voc.eval.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voc.nlp.SentimentLabel;

class TargetRowsTest {

  @Test
  void readsAspectAndThemeRows(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("rows.jsonl");
    Files.writeString(file, """
        {"text": "The battery life is great but shipping took weeks.", "aspect": "battery life", "from": 4, "to": 16, "label": "positive"}

        {"text": "Lovely staff, awful food.", "themes": [{"name": "staff", "label": "positive"}, {"name": "food", "label": "negative"}]}
        """);

    List<TargetRows.Row> rows = TargetRows.read(file);

    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).target().term()).isEqualTo("battery life");
    assertThat(rows.get(0).target().start()).isEqualTo(4);
    assertThat(rows.get(0).label()).isEqualTo(SentimentLabel.POSITIVE);
    assertThat(rows.get(2).target().term()).isEqualTo("food");
    assertThat(rows.get(2).target().start()).isEqualTo(-1);
    assertThat(rows.get(2).label()).isEqualTo(SentimentLabel.NEGATIVE);
  }

  @Test
  void heldOutAndTrainSplitWholeSentencesAboutOneFifthToFourFifths(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("many.jsonl");
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      String text = "Sentence number " + i + " about the food and the staff.";
      lines.add("{\"text\": \"" + text + "\", \"aspect\": \"Sentence\", \"from\": 0, \"to\": 8, \"label\": \"neutral\"}");
      lines.add("{\"text\": \"" + text + "\", \"aspect\": \"number\", \"from\": 9, \"to\": 15, \"label\": \"neutral\"}");
    }
    Files.write(file, lines);

    List<TargetRows.Row> heldOut = TargetRows.read(dir.resolve("many.jsonl#heldout"));
    List<TargetRows.Row> train = TargetRows.read(dir.resolve("many.jsonl#train"));

    assertThat(heldOut.size() + train.size()).isEqualTo(1000);
    assertThat(heldOut.size()).isBetween(140, 260).isEven(); // both rows of a sentence go together
    assertThat(heldOut).noneMatch(h -> train.stream().anyMatch(t -> t.target().sentence().equals(h.target().sentence())));
    assertThat(TargetRows.read(dir.resolve("many.jsonl#heldout"))).isEqualTo(heldOut);
  }

  @Test
  void refusesASpanOutsideItsText(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.jsonl");
    Files.writeString(file, "{\"text\": \"short\", \"aspect\": \"x\", \"from\": 3, \"to\": 30, \"label\": \"neutral\"}\n");
    assertThatThrownBy(() -> TargetRows.read(file)).hasMessageContaining("line 1").hasMessageContaining("outside");
  }
}
