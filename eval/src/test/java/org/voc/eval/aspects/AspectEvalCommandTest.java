package org.voc.eval.aspects;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voc.eval.EvalCommand;
import org.voc.nlp.VocJson;
import picocli.CommandLine;

/** {@code voc eval aspects} end to end on a file we wrote, with the shipped models. */
class AspectEvalCommandTest {

  @TempDir
  Path dir;

  @Test
  void printsPolarityAndExtractionScoresAsJson() throws Exception {
    Path file = dir.resolve("aspects.jsonl");
    Files.writeString(file, String.join("\n",
        AspectFileTest.row("The battery life is great .", "battery life", 4, 16, "positive"),
        AspectFileTest.row("The sushi was awful and the waiter was rude .", "sushi", 4, 9, "negative"),
        AspectFileTest.row("The sushi was awful and the waiter was rude .", "waiter", 28, 34, "negative"),
        "") + "\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    int code;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      code = new CommandLine(new EvalCommand()).execute("aspects", "--data", file.toString());
    } finally {
      System.setOut(stdout);
    }

    assertThat(code).isZero();
    JsonNode result = VocJson.mapper().readTree(out.toString(StandardCharsets.UTF_8));
    assertThat(result.path("n_sentences").asInt()).isEqualTo(2);
    assertThat(result.path("n_aspects").asInt()).isEqualTo(3);
    assertThat(result.path("polarity_accuracy").asDouble()).isEqualTo(1.0);
    assertThat(result.path("extraction_recall").asDouble()).isEqualTo(1.0);
    assertThat(result.path("extraction_precision").asDouble()).isEqualTo(1.0);
    assertThat(result.path("extraction_f1").asDouble()).isEqualTo(1.0);
    // The shipped target model answers, with its sentence's sentiment where it is unsure.
    assertThat(result.path("polarity_sentence_fallbacks").isIntegralNumber()).isTrue();
    assertThat(result.path("polarity_sentence_fallbacks").asInt()).isBetween(0, 3);
    for (String key : new String[] {"polarity_macro_f1", "seconds", "model"}) {
      assertThat(result.has(key)).as(key).isTrue();
    }
  }
}
