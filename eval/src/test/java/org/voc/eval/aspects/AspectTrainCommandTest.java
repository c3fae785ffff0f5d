package org.voc.eval.aspects;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voc.eval.train.TrainCommand;
import org.voc.models.TokenTagger;
import org.voc.nlp.AspectSpans;
import picocli.CommandLine;

/** {@code voc train aspects} on a few sentences we wrote: a loadable tagger with its record. */
class AspectTrainCommandTest {

  @TempDir
  Path dir;

  @Test
  void writesATaggerThatRecordsItsDataAndOptions() throws Exception {
    List<String> rows = new ArrayList<>();
    String[] dishes = {"pizza", "pasta", "soup", "salad", "steak", "bread", "coffee", "cake"};
    for (String dish : dishes) {
      String text = "The " + dish + " was great .";
      rows.add(AspectFileTest.row(text, dish, 4, 4 + dish.length(), "positive"));
    }
    Path data = dir.resolve("train.jsonl");
    Files.writeString(data, String.join("\n", rows) + "\n");
    Path out = dir.resolve("out");

    int code = new CommandLine(new TrainCommand()).execute("aspects", "--data", data.toString(),
        "--epochs", "2", "--units", "8", "--out", out.toString());

    assertThat(code).isZero();
    TokenTagger tagger = TokenTagger.load(out.resolve("aspect-tagger.json"));
    assertThat(tagger.classes()).isEqualTo(AspectSpans.TAGS);
    assertThat(tagger.encoder()).isEqualTo("bge-small-en-v1.5@9");
    assertThat(tagger.transitions()).isNotNull();
    assertThat(tagger.training().path("options").path("seed").asLong()).isEqualTo(42);
    assertThat(tagger.training().path("data").get(0).path("file").asText()).isEqualTo("train.jsonl");
    assertThat(tagger.training().path("sentences").asInt()).isEqualTo(dishes.length);
  }
}
